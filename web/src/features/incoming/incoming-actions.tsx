import { useState, type FormEvent, type ReactNode } from 'react';
import { messageOf } from '../../api/errors.ts';
import { incomingApi, type IncomingDetail } from '../../api/incoming.ts';
import { ErrorAlert } from '../../components/alert.tsx';
import { SelectField, TextField } from '../../components/field.tsx';
import { Panel } from '../../components/page.tsx';
import { useLoad } from '../../components/use-load.ts';
import { todayLocal } from './format.ts';

interface Props {
  detail: IncomingDetail;
  onDone(): void;
}

function useAction(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      onDone();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function ActionForm({ title, error, children, onSubmit }: { title: string; error: string | null; children: ReactNode; onSubmit(): Promise<void> }) {
  return (
    <Panel title={title}>
      <form className="form" onSubmit={(e: FormEvent) => { e.preventDefault(); void onSubmit(); }}>
        <ErrorAlert message={error} />
        {children}
      </form>
    </Panel>
  );
}

/** Văn thư: vào sổ, từ chối (lý do bắt buộc), trình lãnh đạo. */
export function ClerkActions({ detail, onDone }: Props) {
  const d = detail.document;
  const { error, busy, run } = useAction(onDone);
  const [reason, setReason] = useState('');
  const [notDuplicate, setNotDuplicate] = useState(false);
  const [leader, setLeader] = useState('');
  const staff = useLoad((signal) => (detail.can.present ? incomingApi.assignees(signal) : Promise.resolve(undefined)), [detail.can.present]);
  if (detail.can.register) {
    return (
      <ActionForm title="Kiểm tra và vào sổ" error={error} onSubmit={() => run(() => incomingApi.register(d.id, notDuplicate))}>
        {d.duplicateOf && (
          <label className="checkbox"><input type="checkbox" checked={notDuplicate} onChange={(e) => setNotDuplicate(e.target.checked)} /> Tôi đã kiểm tra, văn bản không trùng</label>
        )}
        <div className="form-actions">
          <button className="button button-primary" type="submit" disabled={busy}>Vào sổ văn bản đến</button>
        </div>
        <TextField label="Lý do từ chối tiếp nhận" value={reason} onChange={(e) => setReason(e.target.value)} hint="Bắt buộc khi từ chối; cơ quan gửi nhận được lý do này." />
        <div className="form-actions">
          <button className="button button-danger" type="button" disabled={busy} onClick={() => void run(() => incomingApi.refuse(d.id, reason))}>Từ chối tiếp nhận</button>
        </div>
      </ActionForm>
    );
  }
  if (!detail.can.present) return null;
  const leaders = (staff.data?.users ?? []).filter((u) => u.roles.includes('leader') || u.roles.includes('deputy_leader'));
  return (
    <ActionForm title="Trình lãnh đạo" error={error} onSubmit={() => run(() => incomingApi.present(d.id, leader))}>
      <SelectField label="Trình cho" value={leader} required onChange={(e) => setLeader(e.target.value)} placeholder="Chọn lãnh đạo" options={leaders.map((u) => ({ value: u.id, label: `${u.fullName} (${u.title})` }))} />
      <div className="form-actions"><button className="button button-primary" type="submit" disabled={busy}>Trình</button></div>
    </ActionForm>
  );
}

/** Lãnh đạo: ý kiến chỉ đạo, một đơn vị hoặc cá nhân chủ trì, phối hợp, để biết, hạn xử lý; hoặc lưu để biết. */
export function DirectForm({ detail, onDone }: Props) {
  const { error, busy, run } = useAction(onDone);
  const staff = useLoad((signal) => incomingApi.assignees(signal), []);
  const [instruction, setInstruction] = useState('');
  const [lead, setLead] = useState('');
  const [coordinating, setCoordinating] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const options = [
    ...(staff.data?.units ?? []).map((u) => ({ value: `unit:${u.id}`, label: u.name })),
    ...(staff.data?.users ?? []).filter((u) => u.roles.some((r) => r === 'specialist' || r === 'head_of_unit')).map((u) => ({ value: `user:${u.id}`, label: `${u.fullName} (${u.title})` })),
  ];
  const who = (v: string) => (v.startsWith('unit:') ? { unitId: v.slice(5) } : { userId: v.slice(5) });
  return (
    <ActionForm title="Ý kiến chỉ đạo, phân công xử lý" error={error} onSubmit={() => run(() => incomingApi.direct(detail.document.id, {
      instruction, lead: lead ? who(lead) : undefined, deadline: deadline || undefined, coordinating: coordinating.map(who),
    }))}>
      <TextField label="Ý kiến chỉ đạo (bút phê)" required value={instruction} onChange={(e) => setInstruction(e.target.value)} />
      <SelectField label="Đơn vị, cá nhân chủ trì" required value={lead} onChange={(e) => setLead(e.target.value)} placeholder="Chọn một nơi chủ trì" options={options} />
      <div className="field">
        <label htmlFor="coordinating">Đơn vị, cá nhân phối hợp</label>
        <select id="coordinating" multiple value={coordinating} onChange={(e) => setCoordinating([...e.target.selectedOptions].map((o) => o.value))}>
          {options.filter((o) => o.value !== lead).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </div>
      <TextField label="Hạn xử lý" type="date" min={todayLocal()} max={detail.document.dueDate ?? undefined} value={deadline} onChange={(e) => setDeadline(e.target.value)}
        hint="Để trống: theo hạn mặc định của cơ quan cho loại văn bản và độ khẩn; không sau hạn trả lời của cơ quan gửi." />
      <div className="form-actions">
        <button className="button button-primary" type="submit" disabled={busy}>Giao xử lý</button>
        <button className="button button-light" type="button" disabled={busy} onClick={() => void run(() => incomingApi.direct(detail.document.id, { instruction, forInformation: true }))}>Lưu để biết</button>
      </div>
    </ActionForm>
  );
}

/** Trưởng phòng: giao cho chuyên viên của đơn vị với hạn không sau hạn của đơn vị. */
export function PassOnForm({ detail, assignmentId, onDone }: Props & { assignmentId: string }) {
  const { error, busy, run } = useAction(onDone);
  const staff = useLoad((signal) => incomingApi.assignees(signal), []);
  const a = detail.assignments.find((x) => x.id === assignmentId)!;
  const [user, setUser] = useState('');
  const [deadline, setDeadline] = useState('');
  const [instruction, setInstruction] = useState('');
  const members = (staff.data?.users ?? []).filter((u) => u.unitId === a.assigneeUnitId);
  return (
    <ActionForm title={`Giao chuyên viên xử lý (${detail.names[a.assigneeUnitId ?? ''] ?? ''})`} error={error}
      onSubmit={() => run(() => incomingApi.pass(assignmentId, { userId: user, deadline: deadline || undefined, instruction }))}>
      <SelectField label="Người được giao" required value={user} onChange={(e) => setUser(e.target.value)} placeholder="Chọn người xử lý" options={members.map((u) => ({ value: u.id, label: `${u.fullName} (${u.title})` }))} />
      <TextField label="Hạn xử lý" type="date" min={todayLocal()} max={a.deadline ?? undefined} value={deadline} onChange={(e) => setDeadline(e.target.value)} hint="Để trống: bằng hạn của đơn vị." />
      <TextField label="Ý kiến giao việc" value={instruction} onChange={(e) => setInstruction(e.target.value)} />
      <div className="form-actions"><button className="button button-primary" type="submit" disabled={busy}>Giao việc</button></div>
    </ActionForm>
  );
}

/** Chuyên viên: cho ý kiến, xin gia hạn, hoàn thành. */
export function WorkForm({ detail, assignmentId, onDone }: Props & { assignmentId: string }) {
  const { error, busy, run } = useAction(onDone);
  const a = detail.assignments.find((x) => x.id === assignmentId)!;
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [proposed, setProposed] = useState('');
  return (
    <ActionForm title={`Xử lý (${a.kind === 'lead' ? 'chủ trì' : a.kind === 'coordinating' ? 'phối hợp' : 'để biết'})`} error={error} onSubmit={() => run(() => incomingApi.comment(assignmentId, text))}>
      <TextField label="Ý kiến xử lý" value={text} onChange={(e) => setText(e.target.value)} />
      <div className="form-actions"><button className="button button-light" type="submit" disabled={busy || !text.trim()}>Gửi ý kiến</button></div>
      <TextField label="Kết quả xử lý" value={note} onChange={(e) => setNote(e.target.value)} hint="Ghi ngắn gọn kết quả; nếu đã trả lời bằng văn bản, ghi số, ký hiệu." />
      <div className="form-actions"><button className="button button-primary" type="button" disabled={busy} onClick={() => void run(() => incomingApi.finish(assignmentId, { outcome: 'done', note: note || undefined }))}>Hoàn thành</button></div>
      {a.deadline && (
        <>
          <TextField label="Lý do xin gia hạn" value={reason} onChange={(e) => setReason(e.target.value)} />
          <TextField label="Hạn đề nghị" type="date" min={a.deadline} value={proposed} onChange={(e) => setProposed(e.target.value)} />
          <div className="form-actions"><button className="button button-light" type="button" disabled={busy || !reason || !proposed} onClick={() => void run(() => incomingApi.requestExtension(assignmentId, { reason, proposedDeadline: proposed }))}>Xin gia hạn</button></div>
        </>
      )}
    </ActionForm>
  );
}

export function ExtensionDecisions({ detail, onDone }: Props) {
  const { error, busy, run } = useAction(onDone);
  const pending = detail.extensions.filter((e) => detail.can.decideExtensions.includes(e.id));
  if (pending.length === 0) return null;
  return (
    <Panel title="Đề nghị gia hạn chờ quyết định">
      <ErrorAlert message={error} />
      <ul>
        {pending.map((e) => (
          <li key={e.id}>
            Từ {e.previousDeadline} đến {e.proposedDeadline}: {e.reason}{' '}
            <button className="button button-primary" type="button" disabled={busy} onClick={() => void run(() => incomingApi.decideExtension(e.id, true))}>Đồng ý</button>{' '}
            <button className="button button-light" type="button" disabled={busy} onClick={() => void run(() => incomingApi.decideExtension(e.id, false))}>Không đồng ý</button>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
