import { Link, useParams, useSearchParams } from 'react-router';
import { getAgencyTrend } from '../../api/reports.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { TrendChart } from './charts.tsx';
import { LEVEL_LABELS, monthLabel, num, pct, vnDate } from './format.ts';
import { KpiTiles } from './kpi-tiles.tsx';
import type { Level } from '../../api/reports.ts';

/** One agency's counts for the period and month by month: counts only, never a document. */
export function AgencyDrilldownPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const year = new Date().getFullYear();
  const period = { start: search.get('start') ?? `${year}-01-01`, end: search.get('end') ?? `${year}-12-31` };
  const { data, error, loading } = useLoad((signal) => getAgencyTrend(id, period, signal), [id, period.start, period.end]);
  const i = data?.indicators;
  return (
    <Page title={data?.agency?.name ?? 'Chỉ số của cơ quan'} subtitle={`${data?.agency ? LEVEL_LABELS[data.agency.level as Level] ?? '' : ''} · kỳ ${vnDate(period.start)} – ${vnDate(period.end)} · chỉ số đếm, không hiển thị văn bản`}>
      <p className="breadcrumb"><Link to="/giam-sat">← Giám sát toàn tỉnh</Link></p>
      <ErrorAlert message={error} />
      {loading && <Loading />}
      {data && i && (
        <>
          <KpiTiles i={i} />
          <Panel title="Theo tháng">
            <TrendChart rateLabel="Xử lý đúng hạn (R12)" points={data.points.map((p) => ({ label: monthLabel(p.period.start), sent: p.indicators.r2.total, received: p.indicators.r3.total, rate: p.indicators.r12.percent }))} />
          </Panel>
          <Panel title="Chi tiết các chỉ số">
            <dl className="facts">
              <div><dt>R1 Văn bản phát hành</dt><dd>{num(i.r1.total)} (có gửi điện tử {num(i.r1.electronic)}, chỉ gửi giấy {num(i.r1.paperOnly)})</dd></div>
              <div><dt>R2 Lượt gửi điện tử</dt><dd>{num(i.r2.total)} (trong tỉnh {num(i.r2.province)}, ngoài tỉnh {num(i.r2.external)})</dd></div>
              <div><dt>R3 Văn bản đến điện tử</dt><dd>{num(i.r3.total)} (đã đăng ký {num(i.r3.registered)}, từ chối {num(i.r3.refused)}, chưa xử lý {num(i.r3.pending)})</dd></div>
              <div><dt>R4 Văn bản đến đã đăng ký</dt><dd>{num(i.r4.total)} (điện tử {num(i.r4.electronic)}, giấy {num(i.r4.paper)})</dd></div>
              <div><dt>R7 Kèm bản giấy</dt><dd>{pct(i.r7.percent)}</dd></div>
              <div><dt>R9 Gửi đúng hạn</dt><dd>{pct(i.r9.percent)}</dd></div>
              <div><dt>R10 Đăng ký đúng hạn</dt><dd>{pct(i.r10.percent)} ({num(i.r10.leftOut)} chưa đến hạn, không tính)</dd></div>
              <div><dt>R12 Xử lý đúng hạn</dt><dd>{pct(i.r12.percent)} (trễ {num(i.r12.finishedLate)}, quá hạn chưa xong {num(i.r12.openPastDeadline)}, không có hạn {num(i.r12.withoutDeadline)})</dd></div>
              <div><dt>R13 Đang quá hạn</dt><dd>{num(i.r13.overdue)} (1–5 ngày {num(i.r13.days1to5)}, 6–10 ngày {num(i.r13.days6to10)}, trên 10 ngày {num(i.r13.daysOver10)})</dd></div>
              <div><dt>R14 Từ chối, thu hồi</dt><dd>đã từ chối {num(i.r14.refusalsGiven)}, bị từ chối {num(i.r14.refusalsReceived)}, yêu cầu thu hồi {num(i.r14.recallsSent)} (đồng ý {num(i.r14.accepted15)}, từ chối {num(i.r14.refused16)})</dd></div>
            </dl>
          </Panel>
        </>
      )}
    </Page>
  );
}
