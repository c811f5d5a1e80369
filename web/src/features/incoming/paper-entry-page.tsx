import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { messageOf } from '../../api/errors.ts';
import { incomingApi, uploadFile } from '../../api/incoming.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Page } from '../../components/page.tsx';

/** Nhập văn bản giấy: the scan (PDF) and the metadata; the document then waits in the inbox to be registered. */
export function PaperEntryPage() {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [form, setForm] = useState({ senderName: '', codeNumber: '', codeNotation: '', promulgationDate: '', typeName: 'Công văn', subject: '', signerName: '', dueDate: '', urgency: 'normal' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return setError('Chọn tệp PDF bản quét văn bản.');
    setBusy(true);
    setError(null);
    try {
      const fileId = await uploadFile(file);
      const doc = await incomingApi.paper({ ...form, fileId, signerName: form.signerName || undefined, dueDate: form.dueDate || undefined });
      navigate(`/van-ban-den/${doc.id}`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Nhập văn bản giấy" subtitle="Bản quét PDF (từ 200 dpi, màu, tỷ lệ 100%) và thông tin văn bản">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <ErrorAlert message={error} />
        <div className="field">
          <label htmlFor="scan">Bản quét (PDF)<span className="required" aria-hidden="true"> *</span></label>
          <input id="scan" type="file" accept="application/pdf,.pdf" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <TextField label="Cơ quan ban hành" required value={form.senderName} onChange={set('senderName')} />
        <TextField label="Số" required value={form.codeNumber} onChange={set('codeNumber')} />
        <TextField label="Ký hiệu" value={form.codeNotation} onChange={set('codeNotation')} />
        <TextField label="Ngày văn bản" type="date" required value={form.promulgationDate} onChange={set('promulgationDate')} />
        <TextField label="Tên loại" required value={form.typeName} onChange={set('typeName')} />
        <TextField label="Trích yếu" required value={form.subject} onChange={set('subject')} />
        <TextField label="Người ký" value={form.signerName} onChange={set('signerName')} />
        <TextField label="Hạn trả lời (nếu có)" type="date" value={form.dueDate} onChange={set('dueDate')} />
        <SelectField label="Độ khẩn" value={form.urgency} onChange={set('urgency')} options={[{ value: 'normal', label: 'Thường' }, { value: 'urgent', label: 'Khẩn' }, { value: 'very_urgent', label: 'Thượng khẩn' }, { value: 'flash', label: 'Hỏa tốc' }]} />
        <div className="form-actions"><button className="button button-primary" type="submit" disabled={busy}>Lưu văn bản</button></div>
      </form>
    </Page>
  );
}
