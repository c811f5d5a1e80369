import { useState, type FormEvent } from 'react';
import { delegationApi, vietnamInstant, type Delegation } from '../../api/delegations.ts';
import { messageOf } from '../../api/errors.ts';
import { incomingApi } from '../../api/incoming.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { useSession } from '../auth/session.tsx';
import { formatDateTime } from '../incoming/format.ts';

const DIRECTING = ['leader', 'deputy_leader'];

function stateOf(d: Delegation): string {
  if (d.cancelledAt) return `Đã hủy lúc ${formatDateTime(d.cancelledAt)}`;
  if (d.active) return 'Đang có hiệu lực';
  return new Date(d.endsAt).getTime() <= Date.now() ? 'Đã hết hạn' : 'Chưa bắt đầu';
}

/**
 * Ủy quyền khi vắng mặt (domain.md §4.3): a leader or deputy records "absent from–to, X directs for
 * me"; the agency administrator may record it for an absent leader. Cancelling stops it at once.
 */
export function DelegationsPage() {
  const { me } = useSession();
  const list = useLoad((signal) => delegationApi.list(signal), []);
  const people = useLoad((signal) => incomingApi.assignees(signal), []);
  const admin = me?.abilities['delegation.manage'] === 'all';
  const [form, setForm] = useState({ principalUserId: '', delegateUserId: '', startsAt: '', endsAt: '', reason: '' });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const directing = (people.data?.users ?? []).filter((u) => u.roles.some((r) => DIRECTING.includes(r)));
  const principal = admin ? form.principalUserId : me?.user.id ?? '';
  const options = (exclude: string) => directing.filter((u) => u.id !== exclude).map((u) => ({ value: u.id, label: `${u.fullName} — ${u.title}` }));
  const run = async (what: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await what();
      setDone(message);
      list.reload();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await delegationApi.create({
        ...(admin && form.principalUserId ? { principalUserId: form.principalUserId } : {}),
        delegateUserId: form.delegateUserId, startsAt: vietnamInstant(form.startsAt), endsAt: vietnamInstant(form.endsAt), ...(form.reason.trim() && { reason: form.reason.trim() }),
      });
      setForm({ ...form, delegateUserId: '', startsAt: '', endsAt: '', reason: '' });
    }, 'Đã ghi ủy quyền.');
  };
  if (list.loading && !list.data) return <Page title="Ủy quyền khi vắng mặt"><Loading /></Page>;
  return (
    <Page title="Ủy quyền khi vắng mặt" subtitle="Trong thời gian vắng mặt, người được ủy quyền cho ý kiến chỉ đạo, phân công văn bản đến đang chờ thay mặt người vắng mặt">
      <ErrorAlert message={list.error ?? people.error ?? error} />
      {done && <div className="alert alert-success" role="status">{done}</div>}
      <Panel title="Ghi thời gian vắng mặt">
        <form onSubmit={submit}>
          {admin && (
            <SelectField label="Người vắng mặt" required value={form.principalUserId} placeholder="— Chọn lãnh đạo —"
              options={options('')} onChange={(e) => setForm({ ...form, principalUserId: e.target.value })} />
          )}
          <SelectField label="Người được ủy quyền" required value={form.delegateUserId} placeholder="— Chọn lãnh đạo, cấp phó —"
            options={options(principal)} onChange={(e) => setForm({ ...form, delegateUserId: e.target.value })} />
          <TextField label="Vắng mặt từ" type="datetime-local" required value={form.startsAt} onChange={(e) => setForm({ ...form, startsAt: e.target.value })} hint="Giờ Việt Nam" />
          <TextField label="Vắng mặt đến" type="datetime-local" required value={form.endsAt} onChange={(e) => setForm({ ...form, endsAt: e.target.value })} />
          <TextField label="Lý do" maxLength={500} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.target.value })} />
          <div className="form-actions"><button className="button button-primary" type="submit" disabled={busy}>Ghi ủy quyền</button></div>
        </form>
      </Panel>
      <Panel title="Các lần ủy quyền">
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Các lần ủy quyền</caption>
            <thead><tr><th scope="col">Người vắng mặt</th><th scope="col">Người được ủy quyền</th><th scope="col">Từ</th><th scope="col">Đến</th><th scope="col">Lý do</th><th scope="col">Tình trạng</th><th scope="col"><span className="visually-hidden">Thao tác</span></th></tr></thead>
            <tbody>
              {(list.data?.items ?? []).map((d) => (
                <tr key={d.id}>
                  <td>{d.principalName}</td>
                  <td>{d.delegateName}</td>
                  <td>{formatDateTime(d.startsAt)}</td>
                  <td>{formatDateTime(d.endsAt)}</td>
                  <td>{d.reason}</td>
                  <td>{stateOf(d)}</td>
                  <td>
                    {!d.cancelledAt && new Date(d.endsAt).getTime() > Date.now() && (admin || d.principalUserId === me?.user.id) && (
                      <button className="button" type="button" disabled={busy} aria-label={`Hủy ủy quyền cho ${d.delegateName} từ ${formatDateTime(d.startsAt)}`}
                        onClick={() => void run(() => delegationApi.cancel(d.id), 'Đã hủy ủy quyền.')}>Hủy</button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data && list.data.items.length === 0 && <p className="empty">Chưa có ủy quyền nào.</p>}
        </div>
      </Panel>
    </Page>
  );
}
