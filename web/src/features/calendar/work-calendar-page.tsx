import { useEffect, useState, type FormEvent } from 'react';
import { getWorkCalendar, replaceWorkCalendar, type CalendarDay } from '../../api/calendar.ts';
import { messageOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';

const KIND_LABELS: Record<CalendarDay['kind'], string> = { day_off: 'Ngày nghỉ', make_up: 'Ngày làm bù' };

/** Lịch làm việc (system operator): one year's days off and make-up working days; weekends need no row. */
export function WorkCalendarPage() {
  const [year, setYear] = useState(() => new Date().getFullYear());
  const { data, error, loading } = useLoad((signal) => getWorkCalendar(year, signal), [year]);
  const [rows, setRows] = useState<CalendarDay[]>([]);
  const [actionError, setActionError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (data) setRows(data.days);
  }, [data]);

  const change = (i: number, patch: Partial<CalendarDay>) => {
    setSaved(false);
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setActionError(null);
    try {
      const result = await replaceWorkCalendar(year, rows);
      setRows(result.days);
      setSaved(true);
    } catch (err) {
      setActionError(messageOf(err));
    }
  };

  return (
    <Page title="Lịch làm việc" subtitle="Ngày nghỉ lễ, Tết, nghỉ bù và ngày làm bù của từng năm. Báo cáo giám sát và hạn xử lý mặc định tính ngày làm việc theo lịch này.">
      <ErrorAlert message={error ?? actionError} />
      <div className="form-row">
        <div className="field">
          <label htmlFor="calendar-year">Năm</label>
          <input id="calendar-year" type="number" min={2000} max={2100} value={year} onChange={(e) => { setSaved(false); setYear(Number(e.target.value)); }} />
        </div>
      </div>
      {loading && !data && <Loading />}
      {data && (
        <Panel title={`Năm ${year}`}>
          <form className="form" onSubmit={(e) => void save(e)} noValidate aria-label={`Lịch làm việc năm ${year}`}>
            {rows.length === 0 ? <p className="empty">Chưa có ngày nghỉ hay ngày làm bù nào cho năm này (chỉ nghỉ thứ Bảy, Chủ nhật).</p> : (
              <div className="table-wrap">
                <table className="table">
                  <caption className="visually-hidden">Ngày nghỉ và ngày làm bù năm {year}</caption>
                  <thead><tr><th scope="col">Ngày</th><th scope="col">Loại</th><th scope="col">Tên ngày</th><th scope="col"><span className="visually-hidden">Thao tác</span></th></tr></thead>
                  <tbody>
                    {rows.map((r, i) => (
                      <tr key={i}>
                        <td><input type="date" aria-label="Ngày" value={r.day} onChange={(e) => change(i, { day: e.target.value })} /></td>
                        <td>
                          <select aria-label="Loại" value={r.kind} onChange={(e) => change(i, { kind: e.target.value as CalendarDay['kind'] })}>
                            {Object.entries(KIND_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
                          </select>
                        </td>
                        <td><input type="text" aria-label="Tên ngày" maxLength={200} value={r.name} onChange={(e) => change(i, { name: e.target.value })} /></td>
                        <td><button type="button" className="button button-danger" onClick={() => { setSaved(false); setRows((all) => all.filter((_, j) => j !== i)); }}>Xóa</button></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div className="form-actions">
              <button type="button" className="button" onClick={() => { setSaved(false); setRows((all) => [...all, { day: `${year}-01-01`, kind: 'day_off', name: '' }]); }}>Thêm ngày</button>
              <button type="submit" className="button button-primary">Lưu lịch năm {year}</button>
              {saved && <span role="status">Đã lưu.</span>}
            </div>
          </form>
        </Panel>
      )}
    </Page>
  );
}
