import { rolesIn, type Actor } from '../actor.ts';
import { can } from '../policies/permissions.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { loadVisible, stateError } from './outgoing-access.ts';
import { indexOutgoing } from './outgoing-index.ts';

/**
 * The reviewer of the current step, or the signer, returns the draft to its drafter with a comment
 * (domain.md §7.2 step 3); the version returned and the comment stay in the history.
 */
export async function returnDraft(tx: TxPorts, deps: { clock: Clock }, actor: Actor, id: string, comment: string): Promise<OutgoingDocumentRecord> {
  const text = comment.trim();
  if (text === '') throw new AppError(ErrorCode.VALIDATION_FAILED, 'Trả lại dự thảo phải kèm ý kiến.', { field: 'comment' });
  if (text.length > 2000) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ý kiến tối đa 2000 ký tự.', { field: 'comment' });
  const doc = await loadVisible(tx, actor, id, { lock: true });
  let step: number | null = null;
  if (doc.state === 'in_review') {
    if (doc.reviewChain[doc.reviewStep]?.userId !== actor.userId) throw new AppError(ErrorCode.OUTGOING_NOT_YOUR_TURN, 'Dự thảo đang chờ người khác xem xét.');
    step = doc.reviewStep;
  } else if (doc.state === 'awaiting_signature') {
    if (doc.signerId !== actor.userId) throw new AppError(ErrorCode.OUTGOING_NOT_YOUR_TURN, 'Chỉ người ký được trả lại dự thảo đang chờ ký.');
  } else if (doc.state === 'signed') {
    // The clerk's form check (domain.md §7.2 step 6): a signed, unissued document goes back with the reason; its signature is void.
    if (!can(rolesIn(actor, doc.agencyId), 'document.issue')) throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ văn thư kiểm tra thể thức và trả lại văn bản đã ký.');
    return returnForForm(tx, deps, actor, doc, text);
  } else {
    throw stateError('Chỉ trả lại được dự thảo đang xem xét, chờ ký, hoặc đã ký mà chưa phát hành.');
  }
  const now = deps.clock.now();
  await tx.outgoing.update(doc.id, { state: 'returned', updatedAt: now });
  await indexOutgoing(tx, doc.id);
  await tx.outgoing.addReview({ documentId: doc.id, version: doc.version, step, action: 'returned', actorId: actor.userId, comment: text, actedAt: now });
  await tx.audit.record({
    type: 'outgoing.review_returned', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'outgoing_document', subjectId: doc.id,
    data: { version: doc.version, step, comment: text },
  });
  return (await tx.outgoing.findById(doc.id))!;
}

/** Back to the drafter (and the signer, who must sign again after the fix); the signed file stays in the history. */
async function returnForForm(tx: TxPorts, deps: { clock: Clock }, actor: Actor, doc: OutgoingDocumentRecord, comment: string): Promise<OutgoingDocumentRecord> {
  const now = deps.clock.now();
  await tx.outgoing.update(doc.id, { state: 'returned', signedAt: null, signedBy: null, signedFileId: null, updatedAt: now });
  await tx.outgoing.addReview({ documentId: doc.id, version: doc.version, step: null, action: 'form_returned', actorId: actor.userId, comment, actedAt: now });
  await indexOutgoing(tx, doc.id);
  await tx.audit.record({
    type: 'outgoing.form_returned', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'outgoing_document', subjectId: doc.id,
    data: { version: doc.version, comment, signedBy: doc.signedBy, signedFileId: doc.signedFileId },
  });
  return (await tx.outgoing.findById(doc.id))!;
}
