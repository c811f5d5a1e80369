/**
 * Finishing (domain.md §8.5): an assignee (or the head of its unit, or a leader) finishes their
 * assignment. Finishing the lead finishes the document: outcome recorded, open coordinating and
 * informed assignments closed as not needed, `05` (if not yet sent) then `06` to the sender.
 */
import type { Actor } from '../actor.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertMayAct, assertOpen, loadAssignment, markStarted } from './assignment-context.ts';
import type { IncomingTxDeps } from './incoming-deps.ts';
import { requirePermission, validationError } from './incoming-access.ts';
import { notifyUsers } from './notify.ts';
import { indexIncoming } from './search-entry.ts';
import { sendIncomingStatus, STATUS_TEXT } from './send-status.ts';
import { incomingFacts } from './supervision-facts.ts';

export type Outcome = 'done' | 'replied' | 'for_information';
const OUTCOME_TEXT: Record<Outcome, string> = { done: 'đã giải quyết', replied: 'đã trả lời bằng văn bản', for_information: 'để biết' };

export async function finishAssignment(tx: TxPorts, deps: IncomingTxDeps, actor: Actor, assignmentId: string, input: { outcome?: Outcome; note?: string }): Promise<{ documentFinished: boolean }> {
  const ctx = await loadAssignment(tx, actor, assignmentId);
  requirePermission(ctx.roles, 'assignment.finish', 'Bạn không có quyền kết thúc phân công này.');
  assertOpen(ctx.assignment);
  assertMayAct(ctx, actor);
  const note = input.note?.trim() || null;
  const outcome = input.outcome ?? 'done';
  if (outcome === 'replied' && !note) throw validationError('Ghi số, ký hiệu văn bản trả lời vào ghi chú.', 'note');
  const now = deps.clock.now();
  const top = ctx.parent ?? ctx.assignment;
  const finishesDocument = top.kind === 'lead';
  if (finishesDocument) await markStarted(tx, deps, ctx, actor);
  for (const a of [ctx.assignment, ctx.parent]) if (a && (a.state === 'pending' || a.state === 'in_progress')) await tx.assignments.update(a.id, { state: 'done', finishedAt: now, finishNote: note });
  await tx.incoming.insertEvent({ incomingId: ctx.doc.id, agencyId: ctx.doc.agencyId, assignmentId, kind: 'finished', actorUserId: actor.userId, onBehalfOf: null, text: note, data: { outcome, kind: ctx.assignment.kind }, occurredAt: now });
  await tx.audit.record({ type: 'assignment.finished', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: ctx.doc.agencyId, subjectType: 'assignment', subjectId: assignmentId, data: { outcome, finishesDocument } });
  if (!finishesDocument) return { documentFinished: false };
  for (const a of ctx.assignments) {
    if (a.id !== ctx.assignment.id && a.id !== ctx.parent?.id && (a.state === 'pending' || a.state === 'in_progress')) {
      await tx.assignments.update(a.id, { state: 'closed', finishedAt: now, finishNote: 'Không cần nữa: văn bản đã xử lý xong' });
    }
  }
  await tx.incoming.update(ctx.doc.id, { state: 'finished', finishedAt: now, outcome, outcomeNote: note });
  await incomingFacts.finished(tx, ctx.doc, now);
  await indexIncoming(tx, ctx.doc.id);
  await sendIncomingStatus(tx, deps, { ...ctx.doc, state: 'finished' }, '06', `${STATUS_TEXT['06']}: ${OUTCOME_TEXT[outcome]}${note ? ` (${note})` : ''}`, { name: actor.fullName });
  const directors = ctx.assignments.filter((a) => a.parentId === null && a.kind === 'lead').map((a) => a.assignedBy).filter((u) => u !== actor.userId);
  await notifyUsers(tx, directors, { agencyId: ctx.doc.agencyId, kind: 'incoming.finished', title: `Đã xử lý xong: ${ctx.doc.subject}`, body: note ?? '', incomingId: ctx.doc.id, at: now });
  return { documentFinished: true };
}
