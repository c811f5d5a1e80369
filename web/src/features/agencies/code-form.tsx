import { useState, type FormEvent } from 'react';
import { assignAgencyCode } from '../../api/agencies.ts';
import { messageOf } from '../../api/errors.ts';
import { ErrorAlert, SuccessNote } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';

/** A new identifier code closes the open one on its start date; the history stays readable. */
export function CodeForm({ agencyId, currentCode, onAssigned }: { agencyId: string; currentCode: string | null; onAssigned(): void }) {
  const [code, setCode] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setNote(null);
    setBusy(true);
    try {
      await assignAgencyCode(agencyId, { code: code.trim(), ...(validFrom && { validFrom }) });
      setNote(`Đã cấp mã ${code.trim()}.`);
      setCode('');
      setValidFrom('');
      onAssigned();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form inline-form" onSubmit={(e) => void onSubmit(e)} aria-label="Cấp mã định danh mới">
      <h3>{currentCode ? 'Đổi mã định danh' : 'Cấp mã định danh'}</h3>
      <div className="form-row">
        <TextField label="Mã định danh mới" className="mono" required value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} hint="Dạng 000.00.00.H99 (QCVN 102:2016)." />
        <TextField label="Có hiệu lực từ ngày" type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} hint="Bỏ trống: từ hôm nay." />
      </div>
      <ErrorAlert message={error} />
      <SuccessNote>{note}</SuccessNote>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>{currentCode ? 'Đổi mã' : 'Cấp mã'}</button>
      </div>
    </form>
  );
}
