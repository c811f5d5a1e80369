/** Loads an assignment with its document, checking visibility, and records the lead's first action (`05`). */
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { AssignmentRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { IncomingTxDeps } from './incoming-deps.ts';
import { canActOn, loadVisible, type Visible } from './incoming-access.ts';
import { indexIncoming } from './search-entry.ts';
import { sendIncomingStatus, STATUS_TEXT } from './send-status.ts';

export interface AssignmentContext extends Visible {
  assignment: AssignmentRecord;
  parent: AssignmentRecord | undefined;
}

export async function loadAssignment(tx: TxPorts, actor: Actor, assignmentId: string): Promise<AssignmentContext> {
  const assignment = await tx.assignments.findById(assignmentId, { lock: true });
  if (!assignment) throw notFound('Phân công');
  const visible = await loadVisible(tx, actor, assignment.incomingId, { lock: true }).catch(() => {
    throw notFound('Phân công');
  });
  const parent = assignment.parentId ? visible.assignments.find((a) => a.id === assignment.parentId) : undefined;
  return { ...visible, assignment, parent };
}

export function assertOpen(a: AssignmentRecord): void {
  if (a.state !== 'pending' && a.state !== 'in_progress') throw new AppError(ErrorCode.ASSIGNMENT_STATE_INVALID, 'Phân công này đã kết thúc.');
}

export function assertMayAct(ctx: AssignmentContext, actor: Actor): void {
  if (!canActOn(actor, ctx.roles, ctx.assignment, ctx.parent)) throw new AppError(ErrorCode.FORBIDDEN, 'Bạn không được giao xử lý phân công này.');
}

/** The top of an assignment's chain: the lead's first action starts processing (`05`, domain.md §8.2 step 7). */
export async function markStarted(tx: TxPorts, deps: IncomingTxDeps, ctx: AssignmentContext, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  for (const a of [ctx.assignment, ctx.parent]) {
    if (a && a.state === 'pending') await tx.assignments.update(a.id, { state: 'in_progress', startedAt: now });
  }
  const top = ctx.parent ?? ctx.assignment;
  if (top.kind !== 'lead') return;
  if (ctx.doc.state === 'assigned') {
    await tx.incoming.update(ctx.doc.id, { state: 'in_progress' });
    await indexIncoming(tx, ctx.doc.id);
  }
  if (ctx.doc.exchangeState === '03' || ctx.doc.exchangeState === '04') {
    ctx.doc = await sendIncomingStatus(tx, deps, { ...ctx.doc, state: 'in_progress' }, '05', STATUS_TEXT['05']!, { name: actor.fullName });
  } else if (ctx.doc.state === 'assigned') ctx.doc = { ...ctx.doc, state: 'in_progress' };
}
