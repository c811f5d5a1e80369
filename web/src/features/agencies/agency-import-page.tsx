import { useState, type FormEvent } from 'react';
import { exportAgencies, importAgencies, importProblemsOf, type ImportProblem } from '../../api/agencies.ts';
import { ApiError, messageOf } from '../../api/errors.ts';
import { ErrorAlert, SuccessNote } from '../../components/alert.tsx';
import { Page, Panel } from '../../components/page.tsx';
import { useSession } from '../auth/session.tsx';

function saveFile(text: string, fileName: string) {
  // The BOM makes spreadsheet programs read the Vietnamese text as UTF-8.
  const blob = new Blob([text.startsWith('\uFEFF') ? text : '\uFEFF' + text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** CSV export for directory readers with the manage permission; import (all rows or none) for writers. */
export function AgencyImportPage() {
  const { canWrite } = useSession();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<ImportProblem[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onExport() {
    setError(null);
    try {
      const { text, fileName } = await exportAgencies();
      saveFile(text, fileName ?? `danh-muc-co-quan-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch (e) {
      setError(messageOf(e));
    }
  }

  async function onImport(event: FormEvent, dryRun: boolean) {
    event.preventDefault();
    if (!file) {
      setError('Hãy chọn tệp CSV cần nhập.');
      return;
    }
    setError(null);
    setRowErrors([]);
    setNote(null);
    setBusy(true);
    try {
      const r = await importAgencies(await file.text(), dryRun);
      setNote(dryRun
        ? `Tệp hợp lệ: ${r.rows} dòng (sẽ thêm ${r.created}, cập nhật ${r.updated}). Chưa lưu gì.`
        : `Đã nhập ${r.rows} dòng: thêm ${r.created}, cập nhật ${r.updated}, không đổi ${r.unchanged}.`);
    } catch (e) {
      setError(messageOf(e));
      if (e instanceof ApiError) setRowErrors(importProblemsOf(e.details));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Nhập, xuất danh bạ cơ quan" subtitle="Tệp CSV mã hóa UTF-8, dòng đầu là tên cột.">
      <div className="grid-2">
        <Panel title="Xuất danh bạ">
          <p>Tải toàn bộ danh bạ cơ quan, kèm mã định danh đang dùng, thành tệp CSV.</p>
          <button type="button" className="button" onClick={() => void onExport()}>Tải tệp CSV</button>
        </Panel>
        {canWrite('directory.manage') && (
          <Panel title="Nhập danh bạ">
            <form className="form" onSubmit={(e) => void onImport(e, false)}>
              <div className="field">
                <label htmlFor="import-file">Tệp CSV</label>
                <input id="import-file" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby="import-hint" />
                <p className="hint" id="import-hint">Nếu có dòng sai, không dòng nào được nhập; danh sách lỗi hiện bên dưới.</p>
              </div>
              <div className="form-actions">
                <button type="button" className="button" disabled={busy} onClick={(e) => void onImport(e, true)}>Kiểm tra tệp</button>
                <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Đang xử lý…' : 'Nhập danh bạ'}</button>
              </div>
            </form>
          </Panel>
        )}
      </div>
      <ErrorAlert message={error} />
      <SuccessNote>{note}</SuccessNote>
      {rowErrors.length > 0 && (
        <Panel title="Các dòng bị lỗi">
          <table className="table">
            <caption className="visually-hidden">Lỗi theo dòng của tệp nhập</caption>
            <thead>
              <tr><th scope="col">Dòng</th><th scope="col">Cột</th><th scope="col">Lỗi</th></tr>
            </thead>
            <tbody>
              {rowErrors.map((r, i) => (
                <tr key={i}><td>{r.row ?? ''}</td><td>{r.column ?? ''}</td><td>{r.message}</td></tr>
              ))}
            </tbody>
          </table>
        </Panel>
      )}
    </Page>
  );
}
