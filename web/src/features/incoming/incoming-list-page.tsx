import { Link, useSearchParams } from 'react-router';
import { incomingApi, SIGNATURE_LABELS, URGENCY_LABELS } from '../../api/incoming.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useSession } from '../auth/session.tsx';
import { formatDateTime } from './format.ts';

/** Văn bản đến: the clerk's inbox (arrivals to check and register) and the list of documents the user may see. */
export function IncomingListPage() {
  const { can } = useSession();
  const clerk = can('incoming.register');
  const [params, setParams] = useSearchParams();
  const view = params.get('xem') === 'tat-ca' || !clerk ? 'all' : 'inbox';
  const { data, error, loading } = useLoad((signal) => incomingApi.list(view, signal), [view]);
  return (
    <Page
      title="Văn bản đến"
      subtitle={view === 'inbox' ? 'Văn bản mới đến, chờ kiểm tra và vào sổ' : 'Văn bản đến bạn được xem'}
      actions={clerk ? <Link className="button button-primary" to="/van-ban-den/nhap-van-ban-giay">Nhập văn bản giấy</Link> : undefined}
    >
      {clerk && (
        <div className="filters" role="tablist" aria-label="Chọn danh sách">
          <button type="button" role="tab" aria-selected={view === 'inbox'} className={`button ${view === 'inbox' ? 'button-primary' : 'button-light'}`} onClick={() => setParams({})}>Chờ vào sổ</button>
          <button type="button" role="tab" aria-selected={view === 'all'} className={`button ${view === 'all' ? 'button-primary' : 'button-light'}`} onClick={() => setParams({ xem: 'tat-ca' })}>Tất cả</button>
        </div>
      )}
      <ErrorAlert message={error} />
      {loading && !data ? <Loading /> : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Danh sách văn bản đến</caption>
            <thead>
              <tr><th>Số đến</th><th>Trích yếu</th><th>Cơ quan gửi</th><th>Số, ký hiệu</th><th>Nhận lúc</th><th>Chữ ký số</th><th>Trạng thái</th></tr>
            </thead>
            <tbody>
              {(data?.items ?? []).map((d) => (
                <tr key={d.id}>
                  <td>{d.arrivalNumber ?? '—'}</td>
                  <td>
                    <Link to={`/van-ban-den/${d.id}`}>{d.subject}</Link>
                    {d.urgency !== 'normal' && <> <span className="badge">{URGENCY_LABELS[d.urgency]}</span></>}
                    {d.duplicateOf && <> <span className="badge badge-warning" title={d.duplicateReason ?? ''}>Có thể trùng</span></>}
                    {d.channel === 'paper' && <> <span className="badge badge-muted">Giấy</span></>}
                  </td>
                  <td>{d.senderName}</td>
                  <td>{d.codeNotation ? `${d.codeNumber}/${d.codeNotation}` : d.codeNumber}</td>
                  <td>{formatDateTime(d.receivedAt)}</td>
                  <td><span className={`badge sig-${d.signatureStatus}`}>{SIGNATURE_LABELS[d.signatureStatus] ?? d.signatureStatus}</span></td>
                  <td>{d.stateLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data && data.items.length === 0 && <p className="empty">Không có văn bản nào.</p>}
        </div>
      )}
    </Page>
  );
}
