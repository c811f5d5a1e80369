import type { Indicators } from '../../api/reports.ts';
import { hours, num, pct } from './format.ts';

/** The headline figures of a period (province or one agency). */
export function KpiTiles({ i }: { i: Indicators }) {
  const tiles: { label: string; value: string; note: string; warn?: boolean }[] = [
    { label: 'Văn bản đi phát hành', value: num(i.r1.total), note: `R1 · ${num(i.r1.electronic)} có gửi điện tử` },
    { label: 'Lượt gửi qua trục', value: num(i.r2.total), note: `R2 · ${num(i.r2.external)} ra ngoài tỉnh` },
    { label: 'Văn bản đến điện tử', value: num(i.r3.total), note: `R3 · ${num(i.r3.pending)} chưa xử lý` },
    { label: 'Tỷ lệ nhận điện tử', value: pct(i.r6.percent), note: `R6 · ${num(i.r4.paper)} văn bản giấy` },
    { label: 'Tỷ lệ gửi điện tử', value: pct(i.r5.percent), note: 'R5 · nơi nhận ngoài cơ quan' },
    { label: 'Văn bản đi có ký số', value: pct(i.r8.outgoing.percent), note: `R8 · văn bản đến: ${pct(i.r8.incoming.percent)}` },
    { label: 'Xử lý đúng hạn', value: pct(i.r12.percent), note: `R12 · ${num(i.r12.finishedLate)} hoàn thành trễ` },
    { label: 'Đang quá hạn', value: num(i.r13.overdue), note: `R13 · ${num(i.r13.daysOver10)} quá trên 10 ngày`, warn: i.r13.overdue > 0 },
    { label: 'Gửi → đăng ký (TB)', value: hours(i.r11.sendToRegistration.meanHours), note: `R11 · trung vị ${hours(i.r11.sendToRegistration.medianHours)}` },
  ];
  return (
    <ul className="kpi-grid" aria-label="Chỉ số chính">
      {tiles.map((t) => (
        <li key={t.label} className={t.warn ? 'kpi kpi-warn' : 'kpi'}>
          <span className="kpi-label">{t.label}</span>
          <span className="kpi-value">{t.value}</span>
          <span className="kpi-note">{t.note}</span>
        </li>
      ))}
    </ul>
  );
}
