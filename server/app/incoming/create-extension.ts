/**
 * Extensions (gia hạn, domain.md §8.5): the assignee asks with a reason and a proposed date; whoever
 * set the deadline (or a leader) grants it — the new effective deadline — or refuses. Every version is kept.
 */
import { isLocalDate } from '../../domain/calendar/vietnam-time.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { ExtensionRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertMayAct, assertOpen, loadAssignment, markStarted } from './assignment-context.ts';
import type { IncomingTxDeps } from './incoming-deps.ts';
import { loadVisible, requirePermission, validationError } from './incoming-access.ts';
import { notifyUsers } from './notify.ts';
import { incomingFacts } from './supervision-facts.ts';

export async function createExtension(tx: TxPorts, deps: IncomingTxDeps, actor: Actor, assignmentId: string, input: { reason: string; proposedDeadline: string }): Promise<ExtensionRecord> {
  const reason = input.reason.trim();
  if (!reason) throw validationError('Xin gia hạn phải nêu lý do.', 'reason');
  if (!isLocalDate(input.proposedDeadline)) throw validationError('Hạn đề nghị phải có dạng YYYY-MM-DD.', 'proposedDeadline');
  const ctx = await loadAssignment(tx, actor, assignmentId);
  requirePermission(ctx.roles, 'extension.request', 'Bạn không có quyền xin gia hạn.');
  assertOpen(ctx.assignment);
  assertMayAct(ctx, actor);
  const a = ctx.assignment;
  if (!a.deadline) throw validationError('Phân công này không có hạn xử lý.', 'assignmentId');
  if (input.proposedDeadline <= a.deadline) throw validationError(`Hạn đề nghị phải sau hạn hiện tại (${a.deadline}).`, 'proposedDeadline');
  if ((await tx.assignments.listExtensions(a.incomingId)).some((e) => e.assignmentId === a.id && e.state === 'pending')) {
    throw new AppError(ErrorCode.CONFLICT, 'Đã có một đề nghị gia hạn đang chờ quyết định.');
  }
  const now = deps.clock.now();
  const ext = await tx.assignments.insertExtension({ assignmentId: a.id, agencyId: a.agencyId, requestedBy: actor.userId, reason, previousDeadline: a.deadline, proposedDeadline: input.proposedDeadline, createdAt: now });
  await tx.incoming.insertEvent({ incomingId: a.incomingId, agencyId: a.agencyId, assignmentId: a.id, kind: 'extension_requested', actorUserId: actor.userId, onBehalfOf: null, text: reason, data: { extensionId: ext.id, proposedDeadline: input.proposedDeadline }, occurredAt: now });
  await tx.audit.record({ type: 'extension.requested', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: a.agencyId, subjectType: 'assignment', subjectId: a.id, data: { extensionId: ext.id, proposedDeadline: input.proposedDeadline } });
  await notifyUsers(tx, [a.assignedBy], { agencyId: a.agencyId, kind: 'extension.requested', title: `Xin gia hạn đến ${input.proposedDeadline}: ${ctx.doc.subject}`, body: reason, incomingId: a.incomingId, assignmentId: a.id, at: now });
  await markStarted(tx, deps, ctx, actor);
  return ext;
}

export async function approveExtension(tx: TxPorts, deps: Pick<IncomingTxDeps, 'clock'>, actor: Actor, extensionId: string, input: { grant: boolean; note?: string }): Promise<ExtensionRecord> {
  const ext = await tx.assignments.findExtension(extensionId, { lock: true });
  if (!ext) throw notFound('Đề nghị gia hạn');
  const a = await tx.assignments.findById(ext.assignmentId, { lock: true });
  if (!a) throw notFound('Đề nghị gia hạn');
  const { roles, doc } = await loadVisible(tx, actor, a.incomingId).catch(() => {
    throw notFound('Đề nghị gia hạn');
  });
  requirePermission(roles, 'extension.decide', 'Bạn không có quyền quyết định gia hạn.');
  if (a.assignedBy !== actor.userId && !roles.includes('leader')) throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ người đã giao hạn (hoặc lãnh đạo cơ quan) quyết định gia hạn.');
  if (ext.state !== 'pending') throw new AppError(ErrorCode.CONFLICT, 'Đề nghị gia hạn này đã được quyết định.');
  const now = deps.clock.now();
  const note = input.note?.trim() || null;
  const state = input.grant ? 'granted' : 'refused';
  await tx.assignments.decideExtension(ext.id, { state, decidedBy: actor.userId, decidedAt: now, note });
  if (input.grant) {
    await tx.assignments.update(a.id, { deadline: ext.proposedDeadline });
    // The document's deadline is the top lead's; a sub-deadline inside a unit does not move it.
    if (a.kind === 'lead' && a.parentId === null) await incomingFacts.deadline(tx, 'incoming.deadline_extended', doc, now, a, ext.proposedDeadline);
  }
  await tx.incoming.insertEvent({ incomingId: a.incomingId, agencyId: a.agencyId, assignmentId: a.id, kind: `extension_${state}`, actorUserId: actor.userId, onBehalfOf: null, text: note, data: { extensionId: ext.id, deadline: input.grant ? ext.proposedDeadline : ext.previousDeadline }, occurredAt: now });
  await tx.audit.record({ type: 'extension.decided', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: a.agencyId, subjectType: 'assignment', subjectId: a.id, data: { extensionId: ext.id, state } });
  await notifyUsers(tx, [ext.requestedBy], {
    agencyId: a.agencyId, kind: 'extension.decided', title: `${input.grant ? 'Đồng ý' : 'Không đồng ý'} gia hạn: ${doc.subject}`, body: note ?? '', incomingId: a.incomingId, assignmentId: a.id, at: now,
  });
  return { ...ext, state, decidedBy: actor.userId, decidedAt: now, decisionNote: note };
}
