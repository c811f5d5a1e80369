import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api/errors.ts';
import { fileToBase64, importSigningKey, type SigningKey } from '../../api/signing.ts';
import type { User } from '../../api/users.ts';
import { ErrorAlert, SuccessNote } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Panel } from '../../components/page.tsx';
import { formatDay } from './format.ts';

const STATUS_BADGE = { VALID: 'badge badge-ok', INVALID: 'badge badge-error', INDETERMINATE: 'badge badge-warn' } as const;

/** Certificates of the agency (seal and signers) and the PKCS#12 import form. Key material never reaches the browser. */
export function CertificateSection({ keys, users, onChanged }: { keys: SigningKey[]; users: User[]; onChanged(): void }) {
  const [kind, setKind] = useState<'organisation' | 'personal'>('organisation');
  const [userId, setUserId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const active = keys.filter((k) => k.active);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    if (!file) return setError('Chọn tệp PKCS#12 (.p12 hoặc .pfx).');
    if (kind === 'personal' && !userId) return setError('Chọn người ký.');
    setBusy(true);
    setError(null);
    try {
      const key = await importSigningKey({ kind, ...(kind === 'personal' ? { userId } : {}), pkcs12Base64: await fileToBase64(file), password });
      setDone(`Đã nhập chứng thư số ${key.serial}.`);
      setPassword('');
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel title="Chứng thư số">
      {active.length === 0 ? (
        <p className="empty">Chưa có chứng thư số nào. Nhập tệp PKCS#12 do tổ chức chứng thực cấp.</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Chứng thư số đang dùng</caption>
            <thead>
              <tr>
                <th scope="col">Dùng cho</th>
                <th scope="col">Chủ thể</th>
                <th scope="col">Số hiệu</th>
                <th scope="col">Hiệu lực</th>
                <th scope="col">Tình trạng</th>
              </tr>
            </thead>
            <tbody>
              {active.map((k) => (
                <tr key={k.id}>
                  <th scope="row">{k.kind === 'organisation' ? 'Cơ quan (con dấu)' : `${k.fullName ?? k.username ?? ''}`}</th>
                  <td>{k.subject}<div className="hint">Cấp bởi: {k.issuer}{k.source === 'test-ca' ? ' (CA thử nghiệm)' : ''}</div></td>
                  <td className="mono">{k.serial}</td>
                  <td>{formatDay(k.notBefore)} – {formatDay(k.notAfter)}</td>
                  <td>
                    {k.check && <span className={STATUS_BADGE[k.check.status]}>{k.check.statusLabel}</span>}
                    {k.check?.reasons.map((r) => <div key={r.code} className="hint">{r.label}</div>)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form className="form inline-form" onSubmit={submit} noValidate aria-label="Nhập chứng thư số">
        <h3>Nhập tệp PKCS#12</h3>
        <div className="form-row">
          <SelectField label="Dùng cho" value={kind} onChange={(e) => setKind(e.target.value as 'organisation' | 'personal')}
            options={[{ value: 'organisation', label: 'Cơ quan (chữ ký số của cơ quan)' }, { value: 'personal', label: 'Cá nhân người ký' }]} />
          {kind === 'personal' && (
            <SelectField label="Người ký" value={userId} onChange={(e) => setUserId(e.target.value)} placeholder="— Chọn người ký —"
              options={users.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.fullName} (${u.title})` }))} />
          )}
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="p12-file">Tệp PKCS#12 (.p12, .pfx)</label>
            <input id="p12-file" type="file" accept=".p12,.pfx,application/x-pkcs12" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <TextField label="Mật khẩu của tệp" type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)}
            hint="Chỉ dùng để mở tệp; khóa bí mật được mã hóa ngay khi lưu và không bao giờ hiển thị lại." />
        </div>
        <ErrorAlert message={error} />
        <SuccessNote>{done}</SuccessNote>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Đang nhập…' : 'Nhập chứng thư số'}</button>
        </div>
      </form>
    </Panel>
  );
}
