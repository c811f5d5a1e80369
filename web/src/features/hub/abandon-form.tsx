import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api/errors.ts';
import { abandonDeadLetter, type DeadLetter } from '../../api/hub.ts';

/**
 * Bỏ gửi: the operator gives up on a dead letter for good, with a reason the sender sees
 * (POST /api/hub/dead-letters/:id/abandon). The delivery is kept on the server (state abandoned).
 */
export function AbandonForm({ letter, onDone, onCancel }: { letter: DeadLetter; onDone: (message: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = `abandon-reason-${letter.deliveryId}`;
  const errorId = `${fieldId}-error`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Cần nêu lý do bỏ gửi gói tin.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await abandonDeadLetter(letter.deliveryId, reason.trim());
      onDone(`Đã bỏ gửi gói tin ${letter.packageId} tới ${letter.receiverCode}. Nơi gửi sẽ thấy lý do.`);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={`Bỏ gửi gói tin ${letter.packageId} tới ${letter.receiverCode}`}>
      <div className="field">
        <label htmlFor={fieldId}>Lý do bỏ gửi<span className="required" aria-hidden="true"> *</span></label>
        <textarea
          id={fieldId}
          required
          rows={2}
          maxLength={1000}
          value={reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        <p className="hint">Gói tin không được chuyển nữa; nơi gửi thấy lý do này trong trạng thái gửi.</p>
      </div>
      <div id={errorId} className={error ? 'alert alert-error' : 'alert-slot'} role="alert" aria-live="assertive">{error ?? ''}</div>
      <div className="form-actions">
        <button type="submit" className="button button-danger" disabled={busy}>{busy ? 'Đang bỏ gửi…' : 'Xác nhận bỏ gửi'}</button>
        <button type="button" className="button" disabled={busy} onClick={onCancel}>Hủy</button>
      </div>
    </form>
  );
}
