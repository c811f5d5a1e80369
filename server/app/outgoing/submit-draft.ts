import { DEFAULT_REVIEW_CHAIN, resolveReviewChain } from '../../domain/document/review-chain.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import type { Clock } from '../ports/clock.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { loadVisible, stateError } from './outgoing-access.ts';
import { indexOutgoing } from './outgoing-index.ts';

/**
 * The drafter presents the draft: the agency's review chain is resolved for it (the head of the
 * drafting unit, then whoever the chain names) and the first reviewer has it; with no reviewer
 * left it goes straight to the signer (domain.md §7.2 steps 3–4).
 */
export async function submitDraft(tx: TxPorts, deps: { clock: Clock }, actor: Actor, id: string): Promise<OutgoingDocumentRecord> {
  const doc = await loadVisible(tx, actor, id, { lock: true });
  if (doc.drafterId !== actor.userId) throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ người soạn thảo được trình dự thảo.');
  if (doc.state !== 'drafting' && doc.state !== 'returned') throw stateError('Chỉ trình được dự thảo đang soạn hoặc bị trả lại.');
  const missing = [!doc.mainFileId && 'văn bản chính (PDF)', !doc.signerId && 'người ký'].filter(Boolean);
  if (missing.length > 0) throw new AppError(ErrorCode.OUTGOING_INCOMPLETE, `Dự thảo còn thiếu: ${missing.join(', ')}.`);
  let unitHeadId: string | null = null;
  if (doc.draftingUnitId) {
    const heads = await tx.users.search({ agencyId: doc.agencyId, unitId: doc.draftingUnitId, role: 'head_of_unit', active: true, limit: 1, offset: 0 });
    unitHeadId = heads.items[0]?.id ?? null;
  }
  const configured = (await tx.outgoing.reviewChain(doc.agencyId)) ?? [...DEFAULT_REVIEW_CHAIN];
  const chain = resolveReviewChain(configured, { drafterId: doc.drafterId, unitHeadId, signerId: doc.signerId! });
  const now = deps.clock.now();
  const state = chain.length === 0 ? 'awaiting_signature' : 'in_review';
  await tx.outgoing.update(doc.id, { state, reviewChain: chain, reviewStep: 0, updatedAt: now });
  await indexOutgoing(tx, doc.id);
  await tx.outgoing.addReview({ documentId: doc.id, version: doc.version, step: null, action: 'submitted', actorId: actor.userId, comment: null, actedAt: now });
  await tx.audit.record({
    type: 'outgoing.submitted', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'outgoing_document', subjectId: doc.id,
    data: { version: doc.version, state, chain: chain.map((s) => ({ kind: s.kind, userId: s.userId })) },
  });
  return (await tx.outgoing.findById(doc.id))!;
}
