/**
 * A head of unit passes the unit's assignment to one of its members with a sub-deadline no later
 * than the unit's (domain.md §8.2 step 6); leaders and deputies may too. Recorded as a hand-over.
 */
import { isLocalDate, localDateOf } from '../../domain/calendar/vietnam-time.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { AssignmentRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertOpen, loadAssignment } from './assignment-context.ts';
import type { IncomingTxDeps } from './incoming-deps.ts';
import { requirePermission, validationError } from './incoming-access.ts';
import { notifyUsers } from './notify.ts';
import { indexIncoming } from './search-entry.ts';

export async function forwardAssignment(
  tx: TxPorts, deps: Pick<IncomingTxDeps, 'clock'>, actor: Actor, assignmentId: string, input: { userId: string; deadline?: string | null; instruction?: string },
): Promise<AssignmentRecord> {
  const ctx = await loadAssignment(tx, actor, assignmentId);
  const a = ctx.assignment;
  requirePermission(ctx.roles, 'assignment.pass', 'Bạn không có quyền giao việc cho chuyên viên.');
  assertOpen(a);
  if (!a.assigneeUnitId) throw validationError('Chỉ chuyển tiếp được phân công cho đơn vị.', 'assignmentId');
  const leaderish = ctx.roles.includes('leader') || ctx.roles.includes('deputy_leader');
  if (!leaderish && a.assigneeUnitId !== actor.unitId) throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ lãnh đạo đơn vị được giao việc của đơn vị mình.');
  const user = await tx.users.findById(input.userId);
  if (!user || user.agencyId !== a.agencyId || !user.active) throw notFound('Người nhận');
  if (user.unitId !== a.assigneeUnitId) throw validationError('Người được giao phải thuộc đơn vị được phân công.', 'userId');
  const now = deps.clock.now();
  let deadline = a.deadline;
  if (input.deadline) {
    if (!isLocalDate(input.deadline)) throw validationError('Hạn xử lý phải có dạng YYYY-MM-DD.', 'deadline');
    if (input.deadline < localDateOf(now)) throw validationError('Hạn xử lý không được trước hôm nay.', 'deadline');
    if (a.deadline && input.deadline > a.deadline) throw validationError(`Hạn của chuyên viên không được sau hạn của đơn vị (${a.deadline}).`, 'deadline');
    deadline = input.deadline;
  }
  const open = ctx.assignments.find((x) => x.parentId === a.id && (x.state === 'pending' || x.state === 'in_progress'));
  if (open) await tx.assignments.update(open.id, { state: 'closed', finishedAt: now, finishNote: 'Giao lại cho người khác' });
  const instruction = input.instruction?.trim() ?? '';
  const child = await tx.assignments.insert({
    incomingId: a.incomingId, agencyId: a.agencyId, parentId: a.id, kind: a.kind, assigneeUnitId: null, assigneeUserId: user.id, assignedBy: actor.userId,
    onBehalfOf: null, instruction, deadline, state: 'pending', createdAt: now,
  });
  if (a.state === 'pending') await tx.assignments.update(a.id, { state: 'in_progress', startedAt: now });
  await tx.incoming.insertEvent({
    incomingId: a.incomingId, agencyId: a.agencyId, assignmentId: child.id, kind: 'passed', actorUserId: actor.userId, onBehalfOf: null,
    text: instruction || null, data: { to: user.fullName, deadline, parent: a.id }, occurredAt: now,
  });
  await tx.audit.record({
    type: 'assignment.forwarded', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: a.agencyId, subjectType: 'assignment', subjectId: child.id,
    data: { parent: a.id, userId: user.id, deadline },
  });
  await indexIncoming(tx, a.incomingId);
  await notifyUsers(tx, [user.id], { agencyId: a.agencyId, kind: 'assignment.passed', title: `Được giao xử lý: ${ctx.doc.subject}`, body: instruction, incomingId: a.incomingId, assignmentId: child.id, at: now });
  return child;
}
