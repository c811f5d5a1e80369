/**
 * Direction (domain.md §8.2 step 5, §8.4): the leader — or a deputy for what is presented to them, or,
 * inside a recorded delegation interval (§4.3), acting for the person it was presented to — writes the instruction, names exactly one lead unit
 * or person, coordinating and informed ones, and a deadline (default per type and urgency, never
 * after the sender's DueDate); or files the document for information. The sender gets `04` (while
 * `05` has not been sent) or `06`. Directing again reassigns: the open lead assignment is closed.
 */
import { isLocalDate, localDateOf } from '../../domain/calendar/vietnam-time.ts';
import type { Actor } from '../actor.ts';
import { requireActingFor } from '../delegations/acting-for.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { IncomingRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { checkAssignee, type AssigneeInput } from './assignee.ts';
import { defaultDeadline } from './deadline-defaults.ts';
import type { IncomingTxDeps } from './incoming-deps.ts';
import { loadVisible, requirePermission, validationError } from './incoming-access.ts';
import { notifyUsers, peopleOf } from './notify.ts';
import { indexIncoming } from './search-entry.ts';
import { mayResendAssigned, sendIncomingStatus, STATUS_TEXT } from './send-status.ts';
import { incomingFacts } from './supervision-facts.ts';

export interface DirectInput {
  instruction: string;
  forInformation?: boolean;
  lead?: AssigneeInput;
  deadline?: string | null;
  coordinating?: (AssigneeInput & { deadline?: string | null })[];
  informed?: AssigneeInput[];
}

const DIRECTABLE = new Set(['registered', 'awaiting_direction', 'assigned', 'in_progress']);

export async function assignIncomingDocument(tx: TxPorts, deps: IncomingTxDeps, actor: Actor, id: string, input: DirectInput): Promise<IncomingRecord> {
  const { doc, roles, assignments } = await loadVisible(tx, actor, id, { lock: true });
  requirePermission(roles, 'incoming.direct', 'Chỉ lãnh đạo cơ quan được cho ý kiến chỉ đạo, phân công xử lý.');
  if (!DIRECTABLE.has(doc.state)) throw new AppError(ErrorCode.INCOMING_STATE_INVALID, 'Văn bản chưa vào sổ hoặc đã kết thúc xử lý.');
  const now = deps.clock.now();
  let onBehalfOf: string | null = null;
  if (!roles.includes('leader') && doc.presentedTo && doc.presentedTo !== actor.userId) {
    // A deputy directs what is presented to them; what waits for someone else only inside that person's delegation interval (§4.3).
    const presented = await tx.users.findById(doc.presentedTo);
    await requireActingFor(tx, { id: doc.presentedTo, fullName: presented?.fullName ?? 'lãnh đạo khác' }, actor.userId, now);
    onBehalfOf = doc.presentedTo;
  }
  const instruction = input.instruction.trim();
  const today = localDateOf(now);
  const event = (kind: string, assignmentId: string | null, text: string | null, data: Record<string, unknown>) =>
    tx.incoming.insertEvent({ incomingId: doc.id, agencyId: doc.agencyId, assignmentId, kind, actorUserId: actor.userId, onBehalfOf, text, data, occurredAt: now });

  if (input.forInformation) {
    if (doc.state !== 'registered' && doc.state !== 'awaiting_direction') throw new AppError(ErrorCode.INCOMING_STATE_INVALID, 'Văn bản đã được phân công xử lý.');
    await tx.incoming.update(doc.id, { state: 'filed_for_information', finishedAt: now, outcome: 'for_information', outcomeNote: instruction || null });
    await event('filed_for_information', null, instruction || null, {});
    await tx.audit.record({ type: 'incoming.filed_for_information', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'incoming_document', subjectId: doc.id, data: { onBehalfOf } });
    const filed = await sendIncomingStatus(tx, deps, { ...doc, state: 'filed_for_information', finishedAt: now }, '06', `${STATUS_TEXT['06']}: lưu để biết`);
    await incomingFacts.finished(tx, doc, now);
    await indexIncoming(tx, doc.id);
    return filed;
  }

  if (!input.lead) throw validationError('Phải chọn đúng một đơn vị hoặc cá nhân chủ trì.', 'lead');
  if (!instruction) throw validationError('Phải ghi ý kiến chỉ đạo.', 'instruction');
  const checkDeadline = (d: string | null | undefined, field: string): string | null => {
    if (d === undefined || d === null || d === '') return null;
    if (!isLocalDate(d)) throw validationError('Hạn xử lý phải có dạng YYYY-MM-DD.', field);
    if (d < today) throw validationError('Hạn xử lý không được trước hôm nay.', field);
    if (doc.dueDate && d > doc.dueDate) throw validationError(`Hạn xử lý không được sau hạn trả lời của cơ quan gửi (${doc.dueDate}).`, field);
    return d;
  };
  const deadline = checkDeadline(input.deadline, 'deadline') ?? (await defaultDeadline(tx, deps.calendar, doc, now));
  const lead = await checkAssignee(tx, doc.agencyId, input.lead, 'lead');
  const others = [
    ...(input.coordinating ?? []).map((c, i) => ({ kind: 'coordinating' as const, input: c, field: `coordinating[${i}]`, deadline: checkDeadline(c.deadline, `coordinating[${i}].deadline`) })),
    ...(input.informed ?? []).map((c, i) => ({ kind: 'informed' as const, input: c, field: `informed[${i}]`, deadline: null })),
  ];
  const checked = [];
  for (const o of others) checked.push({ ...o, who: await checkAssignee(tx, doc.agencyId, o.input, o.field) });
  const keys = [lead, ...checked.map((c) => c.who)].map((w) => w.assigneeUnitId ?? w.assigneeUserId);
  if (new Set(keys).size !== keys.length) throw validationError('Một đơn vị hoặc cá nhân chỉ được nêu một lần.', 'lead');

  const reassigning = assignments.some((a) => a.kind === 'lead' && (a.state === 'pending' || a.state === 'in_progress'));
  for (const a of assignments) {
    if (a.state === 'pending' || a.state === 'in_progress') await tx.assignments.update(a.id, { state: 'closed', finishedAt: now, finishNote: 'Phân công lại' });
  }
  const base = { incomingId: doc.id, agencyId: doc.agencyId, parentId: null, assignedBy: actor.userId, onBehalfOf, instruction, state: 'pending' as const, createdAt: now };
  const leadRow = await tx.assignments.insert({ ...base, kind: 'lead', assigneeUnitId: lead.assigneeUnitId, assigneeUserId: lead.assigneeUserId, deadline });
  const created = [{ row: leadRow, name: lead.name }];
  for (const c of checked) {
    created.push({ row: await tx.assignments.insert({ ...base, kind: c.kind, assigneeUnitId: c.who.assigneeUnitId, assigneeUserId: c.who.assigneeUserId, deadline: c.deadline }), name: c.who.name });
  }
  await event(reassigning ? 'reassigned' : 'directed', leadRow.id, instruction, {
    lead: lead.name, deadline, coordinating: checked.filter((c) => c.kind === 'coordinating').map((c) => c.who.name), informed: checked.filter((c) => c.kind === 'informed').map((c) => c.who.name),
  });
  await tx.incoming.update(doc.id, { state: 'assigned', firstPassedAt: doc.firstPassedAt ?? now });
  await tx.audit.record({
    type: 'incoming.directed', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'incoming_document', subjectId: doc.id,
    data: { leadAssignmentId: leadRow.id, deadline, assignments: created.map((c) => ({ id: c.row.id, kind: c.row.kind })), onBehalfOf, reassigning },
  });
  for (const c of created) {
    await notifyUsers(tx, await peopleOf(tx, doc.agencyId, c.row), {
      agencyId: doc.agencyId, kind: `assignment.${c.row.kind}`, title: `${c.row.kind === 'lead' ? 'Chủ trì xử lý' : c.row.kind === 'coordinating' ? 'Phối hợp xử lý' : 'Để biết'}: ${doc.subject}`,
      body: instruction, incomingId: doc.id, assignmentId: c.row.id, at: now,
    });
  }
  await incomingFacts.deadline(tx, 'incoming.deadline_set', doc, now, leadRow, deadline);
  await indexIncoming(tx, doc.id);
  const updated: IncomingRecord = { ...doc, state: 'assigned', firstPassedAt: doc.firstPassedAt ?? now };
  // Reassignment sends 04 again only while 05 has not been sent (domain.md §8.2).
  if (mayResendAssigned(updated)) return sendIncomingStatus(tx, deps, updated, '04', `${STATUS_TEXT['04']}: ${lead.name} chủ trì, hạn ${deadline}`, { name: actor.fullName });
  return updated;
}
