import { isIssued } from '../../domain/document/outgoing-states.ts';
import type { Role } from '../../domain/access/roles.ts';
import { isDocumentRole } from '../../domain/search/readers.ts';
import type { Actor } from '../actor.ts';
import { rolesIn } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { can, type Permission } from '../policies/permissions.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { deliveredUnitIds } from './deliver-internal.ts';

export const WHAT = 'Văn bản đi';

/**
 * Who sees an outgoing document inside its agency (domain.md §4.2): its drafter, the people of its
 * review chain and its signer; the head of the drafting unit; leaders once it is presented; clerks
 * from signature on; clerks and leaders every issued one; once issued, every member (with a document
 * role) of an internal unit it was delivered to (`receivesInternally`). Anyone else is told it does not exist.
 */
export function canSee(actor: Actor, roles: readonly Role[], doc: OutgoingDocumentRecord, reviewedIds: ReadonlySet<string> = new Set()): boolean {
  if (roles.length === 0) return false;
  if (doc.drafterId === actor.userId || doc.signerId === actor.userId) return true;
  if (doc.reviewChain.some((s) => s.userId === actor.userId) || reviewedIds.has(doc.id)) return true;
  if (roles.includes('head_of_unit') && doc.draftingUnitId !== null && doc.draftingUnitId === actor.unitId && actor.agencyId === doc.agencyId) return true;
  const presented = doc.state !== 'drafting' && doc.state !== 'withdrawn' && doc.state !== 'returned';
  if ((roles.includes('leader') || roles.includes('deputy_leader')) && (isIssued(doc.state) || presented)) return true;
  if (roles.includes('clerk') && (isIssued(doc.state) || doc.state === 'signed' || doc.state === 'issuing')) return true;
  return false;
}

/** Loads a document the actor may see, or answers "not found" exactly like a missing one. */
export async function loadVisible(tx: TxPorts, actor: Actor | null, id: string, options: { lock?: boolean } = {}): Promise<OutgoingDocumentRecord> {
  const doc = await tx.outgoing.findById(id, options);
  if (!doc) throw notFound(WHAT);
  if (actor === null) return doc;
  const roles = rolesIn(actor, doc.agencyId);
  if (roles.length === 0) throw notFound(WHAT);
  if (canSee(actor, roles, doc)) return doc;
  const reviewed = new Set(await tx.outgoing.reviewedBy(actor.userId));
  if (canSee(actor, roles, doc, reviewed)) return doc;
  if (await receivesInternally(tx, actor, roles, doc)) return doc;
  throw notFound(WHAT);
}

/** The actor is a member of one of the agency's units the issued document was delivered to (domain.md §7.2 step 11). */
export async function receivesInternally(tx: TxPorts, actor: Actor, roles: readonly Role[], doc: OutgoingDocumentRecord): Promise<boolean> {
  if (!isIssued(doc.state) || !actor.unitId || !roles.some(isDocumentRole)) return false;
  return (await deliveredUnitIds(tx, doc.id)).includes(actor.unitId);
}

/** The actor holds the permission in the document's agency; otherwise 403 with a sentence. */
export function assertCan(actor: Actor, agencyId: string, permission: Permission, message: string): void {
  const roles = rolesIn(actor, agencyId);
  if (roles.length === 0) throw notFound(WHAT);
  if (!can(roles, permission)) throw new AppError(ErrorCode.FORBIDDEN, message);
}

export function stateError(message: string): AppError {
  return new AppError(ErrorCode.OUTGOING_STATE_INVALID, message);
}
