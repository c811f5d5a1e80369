import { Link } from 'react-router';
import { findAlarms, findPeers, findQueues } from '../../api/hub.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { HubAlarms } from './hub-alarms.tsx';
import { formatAge, formatTime, label, ROUTE_LABEL, STATE_LABEL } from './format.ts';

/** Trục liên thông: queue depth and age, and each peer hub's health (exchange.md §4.4). */
export function HubOverviewPage() {
  const { data, error, loading, reload } = useLoad(async (signal) => {
    const [queues, peers, alarms] = await Promise.all([findQueues(signal), findPeers(signal), findAlarms(signal)]);
    return { queues, peers, alarms };
  }, []);
  const waiting = (data?.queues ?? []).filter((q) => q.state !== 'dead');
  const waitingCount = waiting.reduce((n, q) => n + q.count, 0);
  const oldest = Math.max(0, ...waiting.map((q) => q.oldestAgeSeconds ?? 0));
  const deadCount = (data?.queues ?? []).filter((q) => q.state === 'dead').reduce((n, q) => n + q.count, 0);

  return (
    <Page
      title="Trục liên thông"
      subtitle="Hàng đợi chuyển gói tin và tình trạng các trục kết nối"
      actions={
        <>
          <button type="button" className="button" onClick={reload}>Làm mới</button>
          <Link className="button" to="/truc-lien-thong/dung-chuyen">Gói tin dừng chuyển</Link>
          <Link className="button" to="/truc-lien-thong/tra-cuu">Tra cứu gói tin</Link>
          <Link className="button" to="/truc-lien-thong/dang-ky-truc">Đăng ký trục kết nối</Link>
        </>
      }
    >
      <ErrorAlert message={error} />
      {loading && !data && <Loading />}
      {data && (
        <>
          <HubAlarms thresholdMinutes={data.alarms.thresholdMinutes} items={data.alarms.items} />
          <p className="result-count" role="status" aria-live="polite">
            {waitingCount === 0 ? 'Không có gói tin chờ chuyển.' : `${waitingCount} gói tin chờ chuyển, lâu nhất ${formatAge(oldest)}.`}
            {deadCount > 0 && <> <Link to="/truc-lien-thong/dung-chuyen">{deadCount} gói tin dừng chuyển</Link> cần xử lý.</>}
          </p>
          <h2>Hàng đợi</h2>
          <div className="table-wrap">
            <table className="table" aria-label="Hàng đợi chuyển gói tin">
              <thead>
                <tr>
                  <th scope="col">Trạng thái</th>
                  <th scope="col">Đường chuyển</th>
                  <th scope="col">Số gói tin</th>
                  <th scope="col">Gói cũ nhất chờ</th>
                </tr>
              </thead>
              <tbody>
                {data.queues.length === 0 && <tr><td colSpan={4}>Hàng đợi trống.</td></tr>}
                {data.queues.map((q) => (
                  <tr key={`${q.state}-${q.route}`}>
                    <th scope="row">{label(STATE_LABEL, q.state)}</th>
                    <td>{label(ROUTE_LABEL, q.route)}</td>
                    <td>{q.count}</td>
                    <td>{formatAge(q.oldestAgeSeconds)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>Các trục kết nối</h2>
          <div className="table-wrap">
            <table className="table" aria-label="Tình trạng các trục kết nối">
              <thead>
                <tr>
                  <th scope="col">Trục</th>
                  <th scope="col">Mã phục vụ</th>
                  <th scope="col">Tình trạng</th>
                  <th scope="col">Chuyển thành công gần nhất</th>
                  <th scope="col">Lỗi liên tiếp</th>
                  <th scope="col">Tồn đọng</th>
                  <th scope="col">Dừng chuyển</th>
                  <th scope="col"><span className="visually-hidden">Thao tác</span></th>
                </tr>
              </thead>
              <tbody>
                {data.peers.length === 0 && <tr><td colSpan={8}>Chưa đăng ký trục kết nối nào.</td></tr>}
                {data.peers.map((p) => (
                  <tr key={p.id} className={p.active ? undefined : 'row-inactive'}>
                    <th scope="row">
                      {p.name}
                      <div className="muted">{p.endpointUrl ?? 'Trục tự lấy gói tin (kéo)'}</div>
                    </th>
                    <td className="mono">{p.codePrefixes.length > 4 ? `${p.codePrefixes.slice(0, 4).join(', ')} … (${p.codePrefixes.length} mã)` : p.codePrefixes.join(', ')}</td>
                    <td>{!p.active ? <span className="badge badge-muted">Ngừng</span> : p.consecutiveFailures > 0 ? <span className="badge badge-warning">Đang lỗi</span> : 'Bình thường'}</td>
                    <td>{formatTime(p.lastSuccessAt) || 'Chưa có'}</td>
                    <td>{p.consecutiveFailures}{p.lastFailureAt ? ` (lần cuối ${formatTime(p.lastFailureAt)})` : ''}</td>
                    <td>{p.waiting}{p.oldestWaitingAt ? `, từ ${formatTime(p.oldestWaitingAt)}` : ''}</td>
                    <td>{p.dead}</td>
                    <td><Link to={`/truc-lien-thong/truc/${p.id}/sua`} aria-label={`Sửa trục ${p.name}`}>Sửa</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
