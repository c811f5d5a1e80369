import { Link } from 'react-router';
import { incomingApi, KIND_LABELS } from '../../api/incoming.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { formatDate } from './format.ts';

/** Việc của tôi: open assignments sorted by deadline; overdue ones first in red; what the user assigned to others is marked "theo dõi". */
export function MyWorkPage() {
  const { data, error, loading } = useLoad((signal) => incomingApi.myWork(signal), []);
  return (
    <Page title="Việc của tôi" subtitle="Văn bản đến đang chờ bạn xử lý hoặc theo dõi, sắp xếp theo hạn xử lý">
      <ErrorAlert message={error} />
      {loading && !data ? <Loading /> : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Việc của tôi</caption>
            <thead><tr><th>Hạn xử lý</th><th>Trích yếu</th><th>Cơ quan gửi</th><th>Vai trò</th><th>Người xử lý</th><th>Ghi chú</th></tr></thead>
            <tbody>
              {(data?.items ?? []).map((i) => (
                <tr key={i.assignment.id} className={i.overdue ? 'row-overdue' : undefined}>
                  <td>{formatDate(i.assignment.deadline) || 'Không hạn'}</td>
                  <td><Link to={`/van-ban-den/${i.document.id}`}>{i.document.subject}</Link></td>
                  <td>{i.document.senderName}</td>
                  <td>{KIND_LABELS[i.assignment.kind]}</td>
                  <td>{i.assignee ?? ''}</td>
                  <td>
                    {i.overdue && <span className="badge badge-danger">Quá hạn{i.overdueWorkingDays > 0 ? ` ${i.overdueWorkingDays} ngày làm việc` : ''}</span>}{' '}
                    {i.followUp && <span className="badge badge-muted">Theo dõi</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data && data.items.length === 0 && <p className="empty">Không có việc nào đang chờ.</p>}
        </div>
      )}
    </Page>
  );
}
