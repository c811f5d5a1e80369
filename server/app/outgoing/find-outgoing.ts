import { isIssued, type OutgoingState } from '../../domain/document/outgoing-states.ts';
import { isDocumentRole } from '../../domain/search/readers.ts';
import type { Actor } from '../actor.ts';
import { rolesIn } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { OutgoingDocumentRecord, OutgoingRecipientRecord, OutgoingReviewRecord, OutgoingVersionRecord } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { canSee, loadVisible, WHAT } from './outgoing-access.ts';

export const OUTGOING_VIEWS = ['mine', 'reviews', 'to_sign', 'to_issue', 'issued', 'internal', 'all'] as const;
export type OutgoingView = (typeof OUTGOING_VIEWS)[number];

const VIEW: Record<OutgoingView, (d: OutgoingDocumentRecord, actor: Actor) => boolean> = {
  mine: (d, a) => d.drafterId === a.userId,
  reviews: (d, a) => d.state === 'in_review' && d.reviewChain[d.reviewStep]?.userId === a.userId,
  to_sign: (d, a) => d.state === 'awaiting_signature' && d.signerId === a.userId,
  to_issue: (d) => d.state === 'signed' || d.state === 'issuing',
  issued: (d) => isIssued(d.state),
  internal: () => true,
  all: () => true,
};

/**
 * The work lists of the outgoing screens: my drafts, my reviews, to sign, to issue, issued, and
 * "Văn bản nội bộ": issued documents delivered to the actor's unit, newest delivery first.
 */
export async function findOutgoing(tx: TxPorts, actor: Actor, agencyId: string, view: OutgoingView, limit = 200): Promise<OutgoingDocumentRecord[]> {
  const roles = rolesIn(actor, agencyId);
  if (roles.length === 0) throw notFound('Cơ quan');
  if (!(OUTGOING_VIEWS as readonly string[]).includes(view)) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Danh sách không hợp lệ.', { field: 'view' });
  if (view === 'internal') {
    if (!actor.unitId || !roles.some(isDocumentRole)) return [];
    return (await tx.outgoing.listDeliveredToUnit(agencyId, actor.unitId, limit)).filter((d) => isIssued(d.state));
  }
  const states: OutgoingState[] | undefined = view === 'to_issue' ? ['signed', 'issuing'] : view === 'issued' ? ['issued', 'updated', 'recalled', 'replaced'] : undefined;
  const docs = await tx.outgoing.listByAgency(agencyId, { states, limit: 1000 });
  const reviewed = new Set(await tx.outgoing.reviewedBy(actor.userId));
  return docs.filter((d) => canSee(actor, roles, d, reviewed) && VIEW[view](d, actor)).slice(0, limit);
}

export interface OutgoingDetail {
  document: OutgoingDocumentRecord;
  recipients: OutgoingRecipientRecord[];
  versions: OutgoingVersionRecord[];
  reviews: (OutgoingReviewRecord & { actorName: string })[];
  /** Names for the ids the screen shows (drafter, signer, reviewers). */
  people: Record<string, string>;
}

export async function getOutgoing(tx: TxPorts, actor: Actor, id: string): Promise<OutgoingDetail> {
  const document = await loadVisible(tx, actor, id);
  if (!document) throw notFound(WHAT);
  const [recipients, versions, reviews] = await Promise.all([tx.outgoing.listRecipients(id), tx.outgoing.listVersions(id), tx.outgoing.listReviews(id)]);
  const ids = new Set([document.drafterId, document.signerId, ...document.reviewChain.map((s) => s.userId), ...reviews.map((r) => r.actorId)].filter((x): x is string => !!x));
  const people: Record<string, string> = {};
  for (const uid of ids) people[uid] = (await tx.users.findById(uid))?.fullName ?? '';
  return { document, recipients, versions, reviews: reviews.map((r) => ({ ...r, actorName: people[r.actorId] ?? '' })), people };
}
