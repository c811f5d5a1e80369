import { useState } from 'react';
import { Link } from 'react-router';
import { getProvince, getTrend } from '../../api/reports.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { AgencyTable } from './agency-table.tsx';
import { OverdueBar, ShareBars, TrendChart } from './charts.tsx';
import { LEVEL_LABELS, monthLabel, periodChoices, REASON_LABELS } from './format.ts';
import { KpiTiles } from './kpi-tiles.tsx';
import { R15Lists } from './r15-lists.tsx';

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Bảng điều khiển giám sát: counts per agency and period, never document content (domain.md §4.2). */
export function SupervisorDashboardPage() {
  const choices = periodChoices(today());
  const [choice, setChoice] = useState(choices[0]!.id);
  const period = choices.find((c) => c.id === choice) ?? choices[0]!;
  const { data, error, loading } = useLoad(async (signal) => {
    const p = { start: period.start, end: period.end };
    const [province, trend] = await Promise.all([getProvince(p, signal), getTrend(p, signal)]);
    return { province, trend };
  }, [period.start, period.end]);
  const asOf = data ? new Date(data.province.asOf).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '';
  return (
    <Page
      title="Giám sát văn bản điện tử toàn tỉnh"
      subtitle={data ? `Số liệu đếm theo cơ quan, không hiển thị nội dung văn bản · tính đến ${asOf} · định nghĩa chỉ số ${data.province.definitionVersion}` : 'Số liệu đếm theo cơ quan, không hiển thị nội dung văn bản'}
      actions={<Link className="button" to="/giam-sat/bao-cao">Báo cáo đánh giá</Link>}
    >
      <div className="filters filters-inline">
        <label>Kỳ số liệu{' '}
          <select value={choice} onChange={(e) => setChoice(e.target.value)}>
            {choices.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
        </label>
      </div>
      <ErrorAlert message={error} />
      {loading && <Loading label="Đang tính các chỉ số…" />}
      {data && (
        <>
          <KpiTiles i={data.province.province} />
          <div className="chart-grid">
            <Panel title="Xu hướng toàn tỉnh theo tháng">
              <TrendChart rateLabel="Xử lý đúng hạn (R12)" points={data.trend.points.map((p) => ({ label: monthLabel(p.period.start), sent: p.indicators.r2.total, received: p.indicators.r3.total, rate: p.indicators.r12.percent }))} />
            </Panel>
            <Panel title="Tỷ lệ theo cấp hành chính">
              <ShareBars
                series={[{ label: 'Nhận điện tử (R6)', color: '#1d4f91' }, { label: 'Ký số văn bản đi (R8)', color: '#1f7a3d' }, { label: 'Xử lý đúng hạn (R12)', color: '#a31d1d' }]}
                rows={(['province', 'department', 'district', 'commune'] as const).map((l) => ({
                  label: LEVEL_LABELS[l],
                  values: [data.province.levels[l].r6.percent, data.province.levels[l].r8.outgoing.percent, data.province.levels[l].r12.percent],
                }))}
              />
            </Panel>
          </div>
          <Panel title="Văn bản đến đang quá hạn xử lý (R13)">
            <OverdueBar buckets={[
              { label: 'Quá 1–5 ngày làm việc', value: data.province.province.r13.days1to5, color: '#e5c35c' },
              { label: 'Quá 6–10 ngày', value: data.province.province.r13.days6to10, color: '#d9822b' },
              { label: 'Quá trên 10 ngày', value: data.province.province.r13.daysOver10, color: '#a31d1d' },
            ]} />
          </Panel>
          <Panel title="Chỉ số theo cơ quan">
            <AgencyTable rows={data.province.agencies} period={period} />
          </Panel>
          <Panel title="Cơ quan cần chú ý (R15)">
            <R15Lists r15={data.province.r15} reasons={REASON_LABELS} />
          </Panel>
        </>
      )}
    </Page>
  );
}
