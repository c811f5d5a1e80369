import type { Actor } from '../actor.ts';
import { rolesIn } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { can } from '../policies/permissions.ts';
import type { Clock } from '../ports/clock.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { loadVisible, stateError } from './outgoing-access.ts';
import { indexOutgoing } from './outgoing-index.ts';

/** The reviewer of the current step approves; after the last step the draft waits for its signer. */
export async function approveDraft(tx: TxPorts, deps: { clock: Clock }, actor: Actor, id: string, comment?: string): Promise<OutgoingDocumentRecord> {
  const doc = await loadVisible(tx, actor, id, { lock: true });
  if (doc.state !== 'in_review') throw stateError('Dự thảo không ở bước xem xét.');
  const step = doc.reviewChain[doc.reviewStep];
  if (!step || step.userId !== actor.userId || !can(rolesIn(actor, doc.agencyId), 'draft.review')) {
    throw new AppError(ErrorCode.OUTGOING_NOT_YOUR_TURN, 'Dự thảo đang chờ người khác xem xét.');
  }
  const now = deps.clock.now();
  const last = doc.reviewStep + 1 >= doc.reviewChain.length;
  await tx.outgoing.update(doc.id, last ? { state: 'awaiting_signature', updatedAt: now } : { reviewStep: doc.reviewStep + 1, updatedAt: now });
  await indexOutgoing(tx, doc.id);
  const text = comment?.trim() || null;
  await tx.outgoing.addReview({ documentId: doc.id, version: doc.version, step: doc.reviewStep, action: 'approved', actorId: actor.userId, comment: text, actedAt: now });
  await tx.audit.record({
    type: 'outgoing.review_approved', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'outgoing_document', subjectId: doc.id,
    data: { version: doc.version, step: doc.reviewStep, label: step.label, next: last ? 'awaiting_signature' : doc.reviewStep + 1 },
  });
  return (await tx.outgoing.findById(doc.id))!;
}
