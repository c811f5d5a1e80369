import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../api/errors.ts';
import { createComment, createEvaluation, evaluationFileUrl, findComments, findEvaluations } from '../../api/reports.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { vnDate } from './format.ts';

const PRESETS = { half_year: '6 tháng', annual: 'Hằng năm', custom: 'Tùy chọn' } as const;

/** Evaluation reports: generate on demand, download from the archive, annotate a period. */
export function EvaluationReportsPage() {
  const year = new Date().getFullYear();
  const [choice, setChoice] = useState(`${year}-1`);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const options = [
    { id: `${year}-1`, label: `6 tháng đầu năm ${year}`, input: { preset: 'half_year' as const, year, half: 1 as const }, start: `${year}-01-01`, end: `${year}-06-30` },
    { id: `${year - 1}-2`, label: `6 tháng cuối năm ${year - 1}`, input: { preset: 'half_year' as const, year: year - 1, half: 2 as const }, start: `${year - 1}-07-01`, end: `${year - 1}-12-31` },
    { id: `${year - 1}`, label: `Năm ${year - 1}`, input: { preset: 'annual' as const, year: year - 1 }, start: `${year - 1}-01-01`, end: `${year - 1}-12-31` },
  ];
  const chosen = options.find((o) => o.id === choice)!;
  const archive = useLoad((signal) => findEvaluations(signal), []);
  const comments = useLoad((signal) => findComments({ start: chosen.start, end: chosen.end }, signal), [chosen.start, chosen.end]);
  const generate = async () => {
    setBusy(true);
    setActionError(null);
    try {
      await createEvaluation(chosen.input);
      archive.reload();
    } catch (e) {
      setActionError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  const addComment = async (e: FormEvent) => {
    e.preventDefault();
    setActionError(null);
    try {
      await createComment({ start: chosen.start, end: chosen.end, body: note });
      setNote('');
      comments.reload();
    } catch (err) {
      setActionError(messageOf(err));
    }
  };
  return (
    <Page title="Báo cáo đánh giá định kỳ" subtitle="Định kỳ 6 tháng và hằng năm: lập theo lịch hoặc khi cần, lưu trong kho báo cáo (XLSX, PDF)">
      <p className="breadcrumb"><Link to="/giam-sat">← Giám sát toàn tỉnh</Link></p>
      <ErrorAlert message={actionError} />
      <Panel title="Lập báo cáo">
        <div className="filters filters-inline">
          <label>Kỳ báo cáo{' '}
            <select value={choice} onChange={(e) => setChoice(e.target.value)}>
              {options.map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
            </select>
          </label>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void generate()}>{busy ? 'Đang lập báo cáo…' : 'Lập báo cáo ngay'}</button>
        </div>
        <form onSubmit={(e) => void addComment(e)} className="comment-form">
          <label htmlFor="comment-body">Ý kiến của giám sát cho kỳ {chosen.label.toLowerCase()} (in trong báo cáo lập sau)</label>
          <textarea id="comment-body" rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} />
          <button type="submit" className="button" disabled={!note.trim()}>Ghi ý kiến</button>
        </form>
        {comments.data && comments.data.length > 0 && (
          <ul className="comment-list">{comments.data.map((c) => <li key={c.id}><strong>{c.authorName}</strong> ({new Date(c.createdAt).toLocaleString('vi-VN')}): {c.body}</li>)}</ul>
        )}
      </Panel>
      <Panel title="Kho báo cáo">
        <ErrorAlert message={archive.error} />
        {archive.loading && !archive.data && <Loading />}
        {archive.data && archive.data.length === 0 && <p>Chưa có báo cáo nào trong kho.</p>}
        {archive.data && archive.data.length > 0 && (
          <div className="table-wrap">
            <table className="table">
              <thead><tr><th scope="col">Kỳ</th><th scope="col">Loại</th><th scope="col">Lập lúc</th><th scope="col">Cách lập</th><th scope="col">Định nghĩa</th><th scope="col">Tệp</th></tr></thead>
              <tbody>
                {archive.data.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{vnDate(r.period.start)} – {vnDate(r.period.end)}</th>
                    <td>{PRESETS[r.preset]}</td>
                    <td>{new Date(r.generatedAt).toLocaleString('vi-VN')}</td>
                    <td>{r.trigger === 'schedule' ? 'Theo lịch' : 'Theo yêu cầu'}</td>
                    <td>{r.definitionVersion}</td>
                    <td><a href={evaluationFileUrl(r.id, 'xlsx')}>XLSX</a> · <a href={evaluationFileUrl(r.id, 'pdf')}>PDF</a></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </Page>
  );
}
