/**
 * The clerk refuses an arrival with a reason (domain.md §8.2 step 3a, §8.3): the document stays on
 * record as refused and the sender gets `02` with that reason, in the same transaction.
 */
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { IncomingRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { IncomingTxDeps } from './incoming-deps.ts';
import { loadVisible, requirePermission, validationError } from './incoming-access.ts';
import { indexIncoming } from './search-entry.ts';
import { sendIncomingStatus } from './send-status.ts';
import { incomingFacts } from './supervision-facts.ts';

export async function refuseIncomingDocument(tx: TxPorts, deps: IncomingTxDeps, actor: Actor, id: string, input: { reason: string }): Promise<IncomingRecord> {
  const reason = input.reason.trim();
  if (reason.length < 3) throw validationError('Từ chối tiếp nhận phải nêu lý do.', 'reason');
  const { doc, roles } = await loadVisible(tx, actor, id, { lock: true });
  requirePermission(roles, 'incoming.register', 'Chỉ văn thư được từ chối tiếp nhận văn bản đến.');
  if (doc.state !== 'arrived') throw new AppError(ErrorCode.INCOMING_STATE_INVALID, 'Chỉ từ chối được văn bản chưa vào sổ.');
  const at = deps.clock.now();
  await tx.incoming.update(doc.id, { state: 'refused', refusedAt: at, refusedBy: actor.userId, refusalReason: reason });
  await tx.incoming.insertEvent({
    incomingId: doc.id, agencyId: doc.agencyId, assignmentId: null, kind: 'refused', actorUserId: actor.userId, onBehalfOf: null, text: reason, data: {}, occurredAt: at,
  });
  await tx.audit.record({
    type: 'incoming.refused', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'incoming_document', subjectId: doc.id, data: { reason },
  });
  const updated = await sendIncomingStatus(tx, deps, { ...doc, state: 'refused', refusedAt: at, refusedBy: actor.userId, refusalReason: reason }, '02', reason, { department: 'Văn thư', name: actor.fullName });
  await incomingFacts.refused(tx, updated, at, reason);
  await indexIncoming(tx, doc.id);
  return updated;
}
