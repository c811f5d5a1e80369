import { useState } from 'react';
import { Link } from 'react-router';
import type { AgencyIndicators, Indicators, Level, Period } from '../../api/reports.ts';
import { compareNullable, hours, LEVEL_LABELS, num, pct } from './format.ts';

interface Col {
  id: string;
  label: string;
  title: string;
  value: (i: Indicators) => number | null;
  show: (i: Indicators) => string;
}

const COLS: Col[] = [
  { id: 'r2', label: 'Gửi', title: 'R2 – lượt gửi điện tử qua trục', value: (i) => i.r2.total, show: (i) => num(i.r2.total) },
  { id: 'r3', label: 'Nhận', title: 'R3 – văn bản đến điện tử', value: (i) => i.r3.total, show: (i) => num(i.r3.total) },
  { id: 'r6', label: 'Nhận điện tử', title: 'R6 – tỷ lệ văn bản đến đăng ký là điện tử', value: (i) => i.r6.percent, show: (i) => pct(i.r6.percent) },
  { id: 'r8', label: 'Ký số', title: 'R8 – văn bản đi có chữ ký số hợp lệ', value: (i) => i.r8.outgoing.percent, show: (i) => pct(i.r8.outgoing.percent) },
  { id: 'r10', label: 'Đăng ký đúng hạn', title: 'R10 – đăng ký hoặc từ chối đúng hạn', value: (i) => i.r10.percent, show: (i) => pct(i.r10.percent) },
  { id: 'r12', label: 'Xử lý đúng hạn', title: 'R12 – hoàn thành đúng hạn xử lý', value: (i) => i.r12.percent, show: (i) => pct(i.r12.percent) },
  { id: 'r13', label: 'Quá hạn', title: 'R13 – đang quá hạn tại thời điểm tính', value: (i) => i.r13.overdue, show: (i) => num(i.r13.overdue) },
  { id: 'r11', label: 'Gửi → đăng ký', title: 'R11 – thời gian trung bình từ khi gửi đến khi đăng ký', value: (i) => i.r11.sendToRegistration.meanHours, show: (i) => hours(i.r11.sendToRegistration.meanHours) },
];

/** Per-agency counts and rates; click a column to sort ("–" rows stay last). */
export function AgencyTable({ rows, period }: { rows: AgencyIndicators[]; period: Period }) {
  const [sort, setSort] = useState<{ id: string; dir: 1 | -1 }>({ id: 'r2', dir: -1 });
  const [level, setLevel] = useState<Level | ''>('');
  const col = COLS.find((c) => c.id === sort.id);
  const shown = rows
    .filter((r) => !level || r.level === level)
    .sort((a, b) => (col ? compareNullable(col.value(a.indicators), col.value(b.indicators), sort.dir) : a.name.localeCompare(b.name, 'vi') * sort.dir) || a.name.localeCompare(b.name, 'vi'));
  const header = (id: string, label: string, title: string) => (
    <th scope="col" title={title} aria-sort={sort.id === id ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => setSort((s) => ({ id, dir: s.id === id ? (s.dir === 1 ? -1 : 1) : -1 }))}>
        {label}{sort.id === id ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  return (
    <>
      <div className="filters filters-inline">
        <label>Cấp{' '}
          <select value={level} onChange={(e) => setLevel(e.target.value as Level | '')}>
            <option value="">Tất cả các cấp</option>
            {(Object.keys(LEVEL_LABELS) as Level[]).map((l) => <option key={l} value={l}>{LEVEL_LABELS[l]}</option>)}
          </select>
        </label>
        <p className="result-count" role="status" aria-live="polite">{shown.length} cơ quan.</p>
      </div>
      <div className="table-wrap">
        <table className="table table-numbers">
          <caption className="visually-hidden">Chỉ số theo cơ quan</caption>
          <thead>
            <tr>
              {header('name', 'Cơ quan', 'Tên cơ quan')}
              <th scope="col">Cấp</th>
              {COLS.map((c) => header(c.id, c.label, c.title))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.agencyId}>
                <th scope="row"><Link to={`/giam-sat/co-quan/${r.agencyId}?start=${period.start}&end=${period.end}`}>{r.name}</Link></th>
                <td>{LEVEL_LABELS[r.level]}</td>
                {COLS.map((c) => <td key={c.id}>{c.show(r.indicators)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
