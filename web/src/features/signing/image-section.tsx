import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api/errors.ts';
import { fileToBase64, signingImageUrl, uploadSigningImage, type SigningImage } from '../../api/signing.ts';
import type { User } from '../../api/users.ts';
import { ErrorAlert, SuccessNote } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Panel } from '../../components/page.tsx';
import { formatDay } from './format.ts';

/** Seal image of the agency and signature images of its signers, each with its validity period. */
export function ImageSection({ images, users, onChanged }: { images: SigningImage[]; users: User[]; onChanged(): void }) {
  const [kind, setKind] = useState<'seal' | 'signature'>('seal');
  const [userId, setUserId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [diameter, setDiameter] = useState('36');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map(users.map((u) => [u.id, u.fullName]));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    if (!file) return setError('Chọn ảnh PNG nền trong suốt.');
    if (kind === 'signature' && !userId) return setError('Chọn người ký.');
    setBusy(true);
    setError(null);
    try {
      await uploadSigningImage({
        kind, pngBase64: await fileToBase64(file),
        ...(kind === 'signature' ? { userId } : { diameterMm: Number(diameter) }),
        ...(validFrom ? { validFrom } : {}), ...(validTo ? { validTo } : {}),
      });
      setDone(kind === 'seal' ? 'Đã tải lên ảnh con dấu.' : 'Đã tải lên ảnh chữ ký.');
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel title="Ảnh con dấu và chữ ký">
      {images.length === 0 ? (
        <p className="empty">Chưa có ảnh nào: hệ thống vẽ con dấu và chữ ký mẫu thay thế.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Ảnh con dấu và chữ ký</caption>
            <thead>
              <tr>
                <th scope="col">Ảnh</th>
                <th scope="col">Loại</th>
                <th scope="col">Kích thước</th>
                <th scope="col">Hiệu lực</th>
              </tr>
            </thead>
            <tbody>
              {images.map((i) => (
                <tr key={i.id}>
                  <td><img className="signing-thumb" src={signingImageUrl(i.id)} alt={i.kind === 'seal' ? 'Ảnh con dấu' : `Ảnh chữ ký của ${names.get(i.userId ?? '') ?? ''}`} /></td>
                  <th scope="row">{i.kind === 'seal' ? 'Con dấu' : `Chữ ký: ${names.get(i.userId ?? '') ?? ''}`}</th>
                  <td>{i.width}×{i.height} điểm ảnh{i.diameterMm ? `, đường kính ${i.diameterMm} mm` : ''}</td>
                  <td>Từ {formatDay(i.validFrom)}{i.validTo ? ` đến ${formatDay(i.validTo)}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="form inline-form" onSubmit={submit} noValidate aria-label="Tải lên ảnh con dấu hoặc chữ ký">
        <h3>Tải lên ảnh</h3>
        <div className="form-row">
          <SelectField label="Loại ảnh" value={kind} onChange={(e) => setKind(e.target.value as 'seal' | 'signature')}
            options={[{ value: 'seal', label: 'Con dấu của cơ quan' }, { value: 'signature', label: 'Chữ ký của người ký' }]} />
          {kind === 'signature' ? (
            <SelectField label="Người ký" value={userId} onChange={(e) => setUserId(e.target.value)} placeholder="— Chọn người ký —"
              options={users.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.fullName} (${u.title})` }))} />
          ) : (
            <TextField label="Đường kính con dấu (mm)" type="number" min={10} max={80} step={0.5} value={diameter} onChange={(e) => setDiameter(e.target.value)} />
          )}
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="image-file">Ảnh PNG (nền trong suốt)</label>
            <input id="image-file" type="file" accept="image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <TextField label="Hiệu lực từ ngày" type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} hint="Để trống: từ hôm nay." />
          <TextField label="Đến ngày" type="date" value={validTo} onChange={(e) => setValidTo(e.target.value)} hint="Để trống: không thời hạn." />
        </div>
        <ErrorAlert message={error} />
        <SuccessNote>{done}</SuccessNote>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Đang tải lên…' : 'Tải lên'}</button>
        </div>
      </form>
    </Panel>
  );
}
