import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { login } from '../../api/auth.ts';
import { messageOf } from '../../api/errors.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { useSession } from './session.tsx';

export function LoginPage() {
  const { me, signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me && !busy) return <Navigate to={me.user.mustChangePassword ? '/doi-mat-khau' : from} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const result = await login(username.trim(), password);
      signedIn(result);
      navigate(result.user.mustChangePassword ? '/doi-mat-khau' : from, { replace: true });
    } catch (e) {
      setError(messageOf(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-screen">
      <main className="login-card" aria-labelledby="login-title">
        <div className="login-brand">
          <span className="emblem emblem-large" aria-hidden="true">★</span>
          <p className="login-country">Cộng hòa xã hội chủ nghĩa Việt Nam</p>
          <p className="login-system">Hệ thống quản lý văn bản điện tử liên thông</p>
        </div>
        <h1 id="login-title">Đăng nhập</h1>
        <form onSubmit={(e) => void onSubmit(e)} noValidate={false}>
          <TextField label="Tên đăng nhập" name="username" autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby="login-error" />
          <TextField label="Mật khẩu" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby="login-error" />
          <ErrorAlert id="login-error" message={error} />
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
          </button>
        </form>
        <p className="login-note">Tài khoản do quản trị cơ quan cấp. Quên mật khẩu, hãy liên hệ quản trị cơ quan.</p>
      </main>
    </div>
  );
}
