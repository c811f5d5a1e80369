/** Plain SVG charts for the supervision screens; each has a text alternative for screen readers. */

export interface TrendPoint {
  label: string;
  sent: number;
  received: number;
  /** 0–100 or null ("–"). */
  rate: number | null;
}

const BLUE = '#1d4f91';
const GOLD = '#d9a400';
const RED = '#a31d1d';
const GRID = '#d6dbe3';

function niceMax(v: number): number {
  if (v <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(v));
  return Math.ceil(v / p) * p;
}

/** Monthly documents sent (R2) and received (R3) as bars, on-time processing (R12) as a line. */
export function TrendChart({ points, rateLabel }: { points: TrendPoint[]; rateLabel: string }) {
  const w = 720, h = 260, left = 44, right = 44, top = 16, bottom = 36;
  const innerW = w - left - right, innerH = h - top - bottom;
  const max = niceMax(Math.max(1, ...points.map((p) => Math.max(p.sent, p.received))));
  const slot = innerW / Math.max(1, points.length);
  const bar = Math.min(18, slot / 3);
  const y = (v: number) => top + innerH - (v / max) * innerH;
  const yr = (v: number) => top + innerH - (v / 100) * innerH;
  const line = points.map((p, i) => (p.rate === null ? null : `${left + slot * i + slot / 2},${yr(p.rate)}`)).filter(Boolean).join(' ');
  const summary = points.map((p) => `${p.label}: gửi ${p.sent}, nhận ${p.received}, đúng hạn ${p.rate === null ? '–' : `${p.rate} %`}`).join('; ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`Xu hướng theo tháng. ${summary}`}>
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <g key={f}>
            <line x1={left} x2={w - right} y1={top + innerH * (1 - f)} y2={top + innerH * (1 - f)} stroke={GRID} />
            <text x={left - 6} y={top + innerH * (1 - f) + 4} textAnchor="end" fontSize="11" fill="#4a5568">{Math.round(max * f)}</text>
            <text x={w - right + 6} y={top + innerH * (1 - f) + 4} fontSize="11" fill={RED}>{Math.round(100 * f)}%</text>
          </g>
        ))}
        {points.map((p, i) => {
          const x = left + slot * i + slot / 2;
          return (
            <g key={p.label}>
              <rect x={x - bar - 1} y={y(p.sent)} width={bar} height={top + innerH - y(p.sent)} fill={BLUE}><title>{`${p.label}: gửi ${p.sent}`}</title></rect>
              <rect x={x + 1} y={y(p.received)} width={bar} height={top + innerH - y(p.received)} fill={GOLD}><title>{`${p.label}: nhận ${p.received}`}</title></rect>
              <text x={x} y={h - bottom + 16} textAnchor="middle" fontSize="11" fill="#4a5568">{p.label}</text>
            </g>
          );
        })}
        {line && <polyline points={line} fill="none" stroke={RED} strokeWidth="2.5" />}
        {points.map((p, i) => p.rate === null ? null : <circle key={`c${p.label}`} cx={left + slot * i + slot / 2} cy={yr(p.rate)} r="3.5" fill={RED}><title>{`${p.label}: ${rateLabel} ${p.rate} %`}</title></circle>)}
      </svg>
      <figcaption className="chart-legend">
        <span><i style={{ background: BLUE }} /> Lượt gửi điện tử (R2)</span>
        <span><i style={{ background: GOLD }} /> Văn bản đến điện tử (R3)</span>
        <span><i style={{ background: RED }} /> {rateLabel}</span>
      </figcaption>
    </figure>
  );
}

export interface ShareRow {
  label: string;
  values: (number | null)[];
}

/** Percentages side by side per group (e.g. per level): one bar per series, "–" when empty. */
export function ShareBars({ rows, series }: { rows: ShareRow[]; series: { label: string; color: string }[] }) {
  const w = 720, labelW = 150, rowH = 18 * series.length + 14, h = rows.length * rowH + 8;
  const innerW = w - labelW - 60;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={rows.map((r) => `${r.label}: ${r.values.map((v, i) => `${series[i]!.label} ${v === null ? '–' : `${v} %`}`).join(', ')}`).join('; ')}>
        {rows.map((r, ri) => (
          <g key={r.label} transform={`translate(0, ${ri * rowH + 4})`}>
            <text x={0} y={rowH / 2} fontSize="12" fill="#1d2530" dominantBaseline="middle">{r.label}</text>
            {r.values.map((v, si) => (
              <g key={series[si]!.label} transform={`translate(${labelW}, ${si * 18})`}>
                <rect x={0} y={0} width={innerW} height={14} fill="#eef1f5" />
                {v !== null && <rect x={0} y={0} width={(innerW * v) / 100} height={14} fill={series[si]!.color}><title>{`${r.label} – ${series[si]!.label}: ${v} %`}</title></rect>}
                <text x={innerW + 6} y={11} fontSize="11" fill="#1d2530">{v === null ? '–' : `${v.toFixed(1).replace('.', ',')} %`}</text>
              </g>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="chart-legend">
        {series.map((s) => <span key={s.label}><i style={{ background: s.color }} /> {s.label}</span>)}
      </figcaption>
    </figure>
  );
}

/** Overdue items by working days late (R13 buckets) as one stacked bar. */
export function OverdueBar({ buckets }: { buckets: { label: string; value: number; color: string }[] }) {
  const total = buckets.reduce((a, b) => a + b.value, 0);
  let x = 0;
  return (
    <figure className="chart">
      <svg viewBox="0 0 720 30" role="img" aria-label={`Quá hạn: ${buckets.map((b) => `${b.label} ${b.value}`).join(', ')}`}>
        {total === 0 && <rect x={0} y={4} width={720} height={22} fill="#eef1f5" />}
        {buckets.map((b) => {
          const width = total === 0 ? 0 : (720 * b.value) / total;
          const el = <rect key={b.label} x={x} y={4} width={width} height={22} fill={b.color}><title>{`${b.label}: ${b.value}`}</title></rect>;
          x += width;
          return el;
        })}
      </svg>
      <figcaption className="chart-legend">
        {buckets.map((b) => <span key={b.label}><i style={{ background: b.color }} /> {b.label}: {b.value}</span>)}
      </figcaption>
    </figure>
  );
}
