import { incomingApi, type ChangeRequest } from '../../api/incoming.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { formatDateTime } from './format.ts';

const KIND: Record<ChangeRequest['kind'], string> = { revoke: 'Thu hồi', update: 'Cập nhật', replace: 'Thay thế' };

/**
 * Yêu cầu thu hồi, cập nhật, thay thế chưa khớp (exchange.md §2.8): requests (type 1/2/3 packages, status 13)
 * naming a document this agency has not received — waiting for it until the delivery TTL ends, then unmatched.
 */
export function UnlinkedChangesPage() {
  const { data, error, loading } = useLoad((signal) => incomingApi.unlinkedChanges(signal), []);
  if (loading && !data) return <Page title="Yêu cầu thu hồi, thay thế chưa khớp"><Loading /></Page>;
  const items = data?.items ?? [];
  return (
    <Page title="Yêu cầu thu hồi, thay thế chưa khớp" subtitle="Yêu cầu nêu một văn bản cơ quan chưa nhận được: chờ văn bản đến trong thời hạn chuyển phát, quá hạn thì ghi là không khớp">
      <ErrorAlert message={error} />
      <Panel title="Danh sách yêu cầu">
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Yêu cầu chưa khớp văn bản đến</caption>
            <thead><tr><th scope="col">Nhận lúc</th><th scope="col">Loại</th><th scope="col">Văn bản được nêu (mã định danh)</th><th scope="col">Cơ quan gửi</th><th scope="col">Lý do</th><th scope="col">Tình trạng</th></tr></thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>{formatDateTime(c.receivedAt)}</td>
                  <td>{KIND[c.kind]}</td>
                  <td><code>{c.targetDocumentId}</code></td>
                  <td>{c.senderCode}</td>
                  <td>{c.reason ?? ''}</td>
                  <td>{c.state === 'parked' ? `Chờ văn bản đến (đến ${formatDateTime(c.parkUntil)})` : 'Không khớp văn bản nào'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data && items.length === 0 && <p className="empty">Không có yêu cầu nào chưa khớp.</p>}
        </div>
      </Panel>
    </Page>
  );
}
