import { useState, type FormEvent } from 'react';
import { caseFileApi } from '../../api/case-files.ts';
import { messageOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useSession } from '../auth/session.tsx';
import { formatDateTime } from './format.ts';

/**
 * Hồ sơ công việc (domain.md §13): the agency's case files with their document counts; open one,
 * close it (its keeper or a leader), download it as a ZIP (list of documents, metadata, the files).
 */
export function CaseFilesPage() {
  const { me } = useSession();
  const { data, error, loading, reload } = useLoad((signal) => caseFileApi.list(signal), []);
  const [form, setForm] = useState({ title: '', notation: '', retention: '' });
  const [actionError, setActionError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const leader = (me?.roles ?? []).some((r) => r.code === 'leader' || r.code === 'deputy_leader');
  const run = async (what: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setActionError(null);
    setDone(null);
    try {
      await what();
      setDone(message);
      reload();
    } catch (err) {
      setActionError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await caseFileApi.create({ title: form.title.trim(), notation: form.notation.trim(), ...(form.retention.trim() && { retention: form.retention.trim() }) });
      setForm({ title: '', notation: '', retention: '' });
    }, 'Đã lập hồ sơ.');
  };
  if (loading && !data) return <Page title="Hồ sơ công việc"><Loading /></Page>;
  return (
    <Page title="Hồ sơ công việc" subtitle="Lập, đóng và tải hồ sơ (mục lục văn bản, dữ liệu đặc tả và các tệp văn bản)">
      <ErrorAlert message={error ?? actionError} />
      {done && <div className="alert alert-success" role="status">{done}</div>}
      <Panel title="Lập hồ sơ">
        <form onSubmit={submit}>
          <TextField label="Tiêu đề hồ sơ" required maxLength={500} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
          <TextField label="Số và ký hiệu hồ sơ" required maxLength={40} value={form.notation} onChange={(e) => setForm({ ...form, notation: e.target.value })} hint="Ví dụ: 05.BC" />
          <TextField label="Thời hạn bảo quản" maxLength={100} value={form.retention} onChange={(e) => setForm({ ...form, retention: e.target.value })} hint="Ví dụ: 10 năm, Vĩnh viễn" />
          <div className="form-actions"><button className="button button-primary" type="submit" disabled={busy}>Lập hồ sơ</button></div>
        </form>
      </Panel>
      <Panel title="Danh sách hồ sơ">
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Danh sách hồ sơ</caption>
            <thead><tr><th scope="col">Năm</th><th scope="col">Số, ký hiệu</th><th scope="col">Tiêu đề</th><th scope="col">Thời hạn bảo quản</th><th scope="col">Số văn bản</th><th scope="col">Tình trạng</th><th scope="col"><span className="visually-hidden">Thao tác</span></th></tr></thead>
            <tbody>
              {(data?.items ?? []).map((c) => (
                <tr key={c.id}>
                  <td>{c.year}</td>
                  <td>{c.notation}</td>
                  <td>{c.title}</td>
                  <td>{c.retention}</td>
                  <td>{c.documents ?? 0}</td>
                  <td>{c.closedAt ? `Đã đóng lúc ${formatDateTime(c.closedAt)}` : 'Đang mở'}</td>
                  <td>
                    <a className="button button-light" href={caseFileApi.exportUrl(c.id)} aria-label={`Tải hồ sơ ${c.notation} (ZIP)`}>Tải ZIP</a>{' '}
                    {!c.closedAt && (c.keeperUserId === me?.user.id || leader) && (
                      <button className="button" type="button" disabled={busy} aria-label={`Đóng hồ sơ ${c.notation}`}
                        onClick={() => void run(() => caseFileApi.close(c.id), `Đã đóng hồ sơ ${c.notation}.`)}>Đóng hồ sơ</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data && data.items.length === 0 && <p className="empty">Chưa có hồ sơ nào.</p>}
        </div>
      </Panel>
    </Page>
  );
}
