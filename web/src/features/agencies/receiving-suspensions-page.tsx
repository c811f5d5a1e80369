import { useMemo, useState, type FormEvent } from 'react';
import { findAgencies } from '../../api/agencies.ts';
import { messageOf } from '../../api/errors.ts';
import { findReceivingSuspensions, removeReceivingSuspension, suspendReceiving, type ReceivingSuspension } from '../../api/receiving-suspensions.ts';
import { ErrorAlert, SuccessNote } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Loading, Page, Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { formatDate } from './format.ts';
import { localToday, orderSuspensions, STATE_LABELS, suspensionState } from './suspension-state.ts';

/**
 * Tạm dừng nhận văn bản (system operator, R15): the agencies that do not receive through the system
 * for a while (a merger, a broken connection, a dissolution). The supervision report counts them as
 * not connected on those days.
 */
export function ReceivingSuspensionsPage() {
  const list = useLoad((signal) => findReceivingSuspensions(signal), []);
  const agencies = useLoad((signal) => findAgencies({}, signal), []);
  const [agencyId, setAgencyId] = useState('');
  const [startsOn, setStartsOn] = useState(() => localToday());
  const [endsOn, setEndsOn] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const today = localToday();
  const items = useMemo(() => orderSuspensions(list.data?.items ?? [], today), [list.data, today]);
  const options = useMemo(
    () => (agencies.data ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: a.name })).sort((a, b) => a.label.localeCompare(b.label, 'vi')),
    [agencies.data],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setActionError(null);
    setNote(null);
    if (!agencyId) return setActionError('Chọn cơ quan tạm dừng nhận văn bản.');
    if (reason.trim() === '') return setActionError('Cần ghi lý do tạm dừng nhận.');
    setBusy(true);
    try {
      const s = await suspendReceiving({ agencyId, startsOn, endsOn: endsOn || null, reason: reason.trim() });
      setNote(`Đã ghi: ${s.agencyName} tạm dừng nhận văn bản ${s.endsOn ? `từ ${formatDate(s.startsOn)} đến ${formatDate(s.endsOn)}` : `từ ${formatDate(s.startsOn)} đến khi có thông báo mới`}.`);
      setAgencyId('');
      setEndsOn('');
      setReason('');
      list.reload();
    } catch (err) {
      setActionError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (s: ReceivingSuspension) => {
    if (!window.confirm(`Xóa lần tạm dừng nhận của ${s.agencyName} từ ${formatDate(s.startsOn)}? Chỉ xóa khi đã ghi nhầm.`)) return;
    setActionError(null);
    setNote(null);
    try {
      await removeReceivingSuspension(s.id);
      setNote(`Đã xóa lần tạm dừng nhận của ${s.agencyName}.`);
      list.reload();
    } catch (err) {
      setActionError(messageOf(err));
    }
  };

  return (
    <Page title="Tạm dừng nhận văn bản" subtitle="Cơ quan không nhận văn bản qua hệ thống trong một thời gian (đang sáp nhập, mất kết nối, đang giải thể). Báo cáo giám sát tính cơ quan là chưa kết nối trong những ngày này.">
      <ErrorAlert message={list.error ?? agencies.error ?? actionError} />
      <SuccessNote>{note}</SuccessNote>
      <Panel title="Ghi tạm dừng nhận">
        <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label="Ghi tạm dừng nhận văn bản">
          <SelectField label="Cơ quan" required value={agencyId} onChange={(e) => setAgencyId(e.target.value)} options={options} placeholder={agencies.loading ? 'Đang tải danh sách…' : '— Chọn cơ quan —'} />
          <div className="form-row">
            <TextField label="Từ ngày" type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
            <TextField label="Đến ngày" type="date" value={endsOn} min={startsOn} onChange={(e) => setEndsOn(e.target.value)} hint="Để trống: đến khi có thông báo mới." />
          </div>
          <div className="field">
            <label htmlFor="suspension-reason">Lý do<span className="required" aria-hidden="true"> *</span></label>
            <textarea id="suspension-reason" required rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>Ghi tạm dừng nhận</button>
          </div>
        </form>
      </Panel>
      <Panel title="Các lần tạm dừng nhận">
        {list.loading && !list.data ? <Loading /> : items.length === 0 ? <p className="empty">Chưa có cơ quan nào tạm dừng nhận văn bản.</p> : (
          <div className="table-wrap">
            <table className="table" aria-label="Các lần tạm dừng nhận văn bản">
              <thead><tr><th scope="col">Cơ quan</th><th scope="col">Tình trạng</th><th scope="col">Từ ngày</th><th scope="col">Đến ngày</th><th scope="col">Lý do</th><th scope="col"><span className="visually-hidden">Thao tác</span></th></tr></thead>
              <tbody>
                {items.map((s) => (
                  <tr key={s.id}>
                    <td>{s.agencyName}</td>
                    <td>{STATE_LABELS[suspensionState(s, today)]}</td>
                    <td>{formatDate(s.startsOn)}</td>
                    <td>{s.endsOn ? formatDate(s.endsOn) : 'Đến khi có thông báo mới'}</td>
                    <td>{s.reason}</td>
                    <td><button type="button" className="button button-danger" onClick={() => void remove(s)} aria-label={`Xóa lần tạm dừng nhận của ${s.agencyName} từ ${formatDate(s.startsOn)}`}>Xóa</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    </Page>
  );
}
