import { useState, type FormEvent } from 'react';
import { changePassword } from '../../api/auth.ts';
import { messageOf } from '../../api/errors.ts';
import { ErrorAlert, SuccessNote } from '../../components/alert.tsx';
import { TextField } from '../../components/field.tsx';
import { Page } from '../../components/page.tsx';
import { useMe, useSession } from './session.tsx';

export function ChangePasswordPage() {
  const me = useMe();
  const { refresh } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(false);
    if (next !== repeat) {
      setError('Mật khẩu mới nhập lại không khớp.');
      return;
    }
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
      await refresh();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="Đổi mật khẩu">
      {me.user.mustChangePassword && (
        <p className="alert alert-warning">Tài khoản của bạn phải đổi mật khẩu được cấp trước khi tiếp tục làm việc.</p>
      )}
      <form className="form narrow" onSubmit={(e) => void onSubmit(e)}>
        <TextField label="Mật khẩu hiện tại" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        <TextField label="Mật khẩu mới" type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} hint="Ít nhất 10 ký tự, có chữ cái và chữ số, không chứa tên đăng nhập." />
        <TextField label="Nhập lại mật khẩu mới" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        <ErrorAlert message={error} />
        <SuccessNote>{done ? 'Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.' : null}</SuccessNote>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Đang lưu…' : 'Đổi mật khẩu'}</button>
        </div>
      </form>
    </Page>
  );
}
