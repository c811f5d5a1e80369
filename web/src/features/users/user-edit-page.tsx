import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { findUnits } from '../../api/agencies.ts';
import { messageOf } from '../../api/errors.ts';
import { getUser, homeRoles, resetUserPassword, setUserRoles, updateUser } from '../../api/users.ts';
import { ErrorAlert, SuccessNote } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useMe } from '../auth/session.tsx';
import { RoleCheckboxes } from './role-checkboxes.tsx';

/** Edit a user of the own agency: details, roles, password reset, and deactivation (never deletion: the audit trail names them). */
export function UserEditPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const location = useLocation();
  const { data, error: loadError, loading, reload } = useLoad(async (signal) => {
    const [user, units] = await Promise.all([getUser(id, signal), findUnits(me.agency.id, signal).catch(() => [])]);
    return { user, units };
  }, [id, me.agency.id]);
  const user = data?.user;
  const [fullName, setFullName] = useState('');
  const [title, setTitle] = useState('');
  const [email, setEmail] = useState('');
  const [unitId, setUnitId] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>((location.state as { created?: boolean } | null)?.created ? 'Đã tạo người dùng.' : null);

  useEffect(() => {
    if (!user) return;
    setFullName(user.fullName);
    setTitle(user.title);
    setEmail(user.email ?? '');
    setUnitId(user.unitId ?? '');
    setRoles(homeRoles(user));
  }, [user]);

  async function run(action: () => Promise<unknown>, done: string) {
    setError(null);
    setNote(null);
    try {
      await action();
      setNote(done);
      reload();
    } catch (e) {
      setError(messageOf(e));
    }
  }

  const onSaveDetails = (event: FormEvent) => {
    event.preventDefault();
    void run(() => updateUser(id, { fullName: fullName.trim(), title: title.trim(), email: email.trim() || null, unitId: unitId || null }), 'Đã lưu thông tin người dùng.');
  };
  const onSaveRoles = (event: FormEvent) => {
    event.preventDefault();
    if (!user) return;
    if (roles.length === 0) {
      setError('Hãy chọn ít nhất một vai trò.');
      return;
    }
    void run(() => setUserRoles(user, roles), 'Đã cập nhật vai trò.');
  };
  const onToggleActive = () => {
    if (!user) return;
    if (user.active && !window.confirm(`Khóa tài khoản ${user.username}? Người này sẽ không đăng nhập được nữa.`)) return;
    void run(() => updateUser(id, { active: !user.active }), user.active ? 'Đã khóa tài khoản.' : 'Đã mở khóa tài khoản.');
  };
  const onResetPassword = () => {
    if (!user || !window.confirm(`Đặt lại mật khẩu cho ${user.username}? Mật khẩu hiện tại sẽ không dùng được nữa.`)) return;
    setTemporaryPassword(null);
    void run(async () => setTemporaryPassword(await resetUserPassword(id)), 'Đã đặt lại mật khẩu. Hãy chuyển mật khẩu tạm cho người dùng; họ phải đổi ở lần đăng nhập tới.');
  };
  const served = user ? user.roles.filter((g) => g.agencyId !== user.agencyId) : [];

  return (
    <Page
      title={user ? user.fullName : 'Người dùng'}
      subtitle={user ? <>Tên đăng nhập: <span className="mono">{user.username}</span> · {user.active ? 'Đang hoạt động' : 'Đã khóa'}{user.mustChangePassword ? ' · chưa đổi mật khẩu được cấp' : ''}</> : undefined}
      actions={user && user.id !== me.user.id && (
        <>
          <button type="button" className="button" onClick={onResetPassword}>Đặt lại mật khẩu</button>
          <button type="button" className={user.active ? 'button button-danger' : 'button'} onClick={onToggleActive}>{user.active ? 'Khóa tài khoản' : 'Mở khóa tài khoản'}</button>
        </>
      )}
    >
      <p className="breadcrumb"><Link to="/nguoi-dung">← Danh sách người dùng</Link></p>
      <ErrorAlert message={loadError ?? error} />
      <SuccessNote>{note}</SuccessNote>
      {temporaryPassword && (
        <p className="alert alert-warning">Mật khẩu tạm (chỉ hiện một lần): <strong className="mono">{temporaryPassword}</strong></p>
      )}
      {loading && !data && <Loading />}
      {user && data && (
        <div className="grid-2">
          <Panel title="Thông tin">
            <form className="form" onSubmit={onSaveDetails}>
              <TextField label="Họ và tên" required value={fullName} onChange={(e) => setFullName(e.target.value)} />
              <TextField label="Chức vụ" value={title} onChange={(e) => setTitle(e.target.value)} />
              <TextField label="Thư điện tử" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
              <SelectField label="Đơn vị" value={unitId} onChange={(e) => setUnitId(e.target.value)} options={data.units.map((u) => ({ value: u.id, label: u.name }))} placeholder="(Không thuộc đơn vị)" />
              <div className="form-actions"><button type="submit" className="button button-primary">Lưu thông tin</button></div>
            </form>
          </Panel>
          <Panel title="Vai trò">
            <form className="form" onSubmit={onSaveRoles}>
              <RoleCheckboxes value={roles} onChange={setRoles} />
              {served.length > 0 && (
                <p className="hint">Vai trò tại cơ quan được phục vụ (giữ nguyên khi lưu): {served.map((g) => g.label).join(', ')}.</p>
              )}
              <div className="form-actions"><button type="submit" className="button button-primary">Lưu vai trò</button></div>
            </form>
          </Panel>
        </div>
      )}
    </Page>
  );
}
