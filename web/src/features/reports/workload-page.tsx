import { getWorkload, type WorkloadRow } from '../../api/reports.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useMe } from '../auth/session.tsx';
import { num } from './format.ts';

function Rows({ rows, what }: { rows: WorkloadRow[]; what: string }) {
  if (rows.length === 0) return <p>Không có văn bản đến nào đang xử lý.</p>;
  return (
    <div className="table-wrap">
      <table className="table table-numbers">
        <thead><tr><th scope="col">{what}</th><th scope="col">Đang xử lý</th><th scope="col">Sắp đến hạn</th><th scope="col">Quá hạn</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id ?? 'none'}>
              <th scope="row">{r.name}</th>
              <td>{num(r.open)}</td>
              <td>{num(r.dueSoon)}</td>
              <td className={r.overdue > 0 ? 'cell-warn' : undefined}>{num(r.overdue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Leaders' view (report.agency): the own agency's incoming work by unit and by person. */
export function WorkloadPage() {
  const me = useMe();
  const { data, error, loading } = useLoad((signal) => getWorkload(signal), []);
  return (
    <Page title="Tình hình xử lý văn bản đến" subtitle={`${me.agency.name}${data?.scope === 'unit' ? ' · đơn vị của bạn' : ''}`}>
      <ErrorAlert message={error} />
      {loading && <Loading />}
      {data && (
        <>
          <ul className="kpi-grid" aria-label="Tổng hợp">
            <li className="kpi"><span className="kpi-label">Đang xử lý</span><span className="kpi-value">{num(data.totals.open)}</span></li>
            <li className="kpi"><span className="kpi-label">Sắp đến hạn (3 ngày làm việc)</span><span className="kpi-value">{num(data.totals.dueSoon)}</span></li>
            <li className={data.totals.overdue > 0 ? 'kpi kpi-warn' : 'kpi'}><span className="kpi-label">Quá hạn</span><span className="kpi-value">{num(data.totals.overdue)}</span></li>
          </ul>
          <Panel title="Theo đơn vị chủ trì"><Rows rows={data.byUnit} what="Đơn vị" /></Panel>
          <Panel title="Theo người xử lý"><Rows rows={data.byPerson} what="Người xử lý" /></Panel>
        </>
      )}
    </Page>
  );
}
