import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { messageOf } from '../../api/errors.ts';
import { validateUpload, type ValidationResult } from '../../api/signing.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { Page, Panel } from '../../components/page.tsx';
import { SignatureValidationPanel, ValidationResultView } from './validation-panel.tsx';

/** Kiểm tra chữ ký số: any PDF (received by e-mail, on a USB stick…) or a stored file (?tep=id). */
export function ValidatePdfPage() {
  const [params] = useSearchParams();
  const fileId = params.get('tep');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ValidationResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) {
      setError('Chọn tệp PDF cần kiểm tra.');
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await validateUpload(file));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Kiểm tra chữ ký số" subtitle="Kiểm tra từng chữ ký trên tệp PDF: toàn vẹn nội dung, chứng thư số, chuỗi tin cậy và tình trạng thu hồi tại thời điểm ký.">
      {fileId && <SignatureValidationPanel fileId={fileId} title="Chữ ký số của tệp đã lưu" />}
      <Panel title="Kiểm tra tệp PDF từ máy tính">
        <form className="form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="pdf-file">Tệp PDF</label>
            <input id="pdf-file" type="file" accept="application/pdf,.pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <ErrorAlert message={error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Đang kiểm tra…' : 'Kiểm tra'}</button>
          </div>
        </form>
        {result && <div className="inline-form"><ValidationResultView result={result} /></div>}
      </Panel>
    </Page>
  );
}
