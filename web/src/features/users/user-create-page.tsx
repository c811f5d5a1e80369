import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { messageOf } from '../../api/errors.ts';
import { findUnits } from '../../api/agencies.ts';
import { createUser } from '../../api/users.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Page } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useMe } from '../auth/session.tsx';
import { RoleCheckboxes } from './role-checkboxes.tsx';

export function UserCreatePage() {
  const navigate = useNavigate();
  const me = useMe();
  const units = useLoad((signal) => findUnits(me.agency.id, signal), [me.agency.id]);
  const [username, setUsername] = useState('');
  const [fullName, setFullName] = useState('');
  const [title, setTitle] = useState('');
  const [email, setEmail] = useState('');
  const [unitId, setUnitId] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (roles.length === 0) {
      setError('Hãy chọn ít nhất một vai trò.');
      return;
    }
    setBusy(true);
    try {
      const user = await createUser({ username: username.trim(), fullName: fullName.trim(), title: title.trim(), email: email.trim() || null, unitId: unitId || null, roles, password });
      navigate(`/nguoi-dung/${user.id}`, { state: { created: true } });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Thêm người dùng">
      <p className="breadcrumb"><Link to="/nguoi-dung">← Danh sách người dùng</Link></p>
      <form className="form" onSubmit={(e) => void onSubmit(e)}>
        <div className="form-row">
          <TextField label="Họ và tên" required value={fullName} onChange={(e) => setFullName(e.target.value)} />
          <TextField label="Tên đăng nhập" required autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} hint="Chữ thường không dấu, ví dụ: nguyenvana.snv" />
        </div>
        <div className="form-row">
          <TextField label="Chức vụ" value={title} onChange={(e) => setTitle(e.target.value)} />
          <TextField label="Thư điện tử" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
          <SelectField label="Đơn vị" value={unitId} onChange={(e) => setUnitId(e.target.value)} options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} placeholder="(Không thuộc đơn vị)" />
        </div>
        <RoleCheckboxes value={roles} onChange={setRoles} />
        <TextField label="Mật khẩu ban đầu" type="password" autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.target.value)} hint="Người dùng phải đổi mật khẩu này ở lần đăng nhập đầu. Ít nhất 10 ký tự, có chữ và số." />
        <ErrorAlert message={error} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Đang tạo…' : 'Tạo người dùng'}</button>
          <Link className="button" to="/nguoi-dung">Hủy</Link>
        </div>
      </form>
    </Page>
  );
}
