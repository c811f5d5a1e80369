/**
 * Who sees and does what with incoming documents (domain.md §4.2, §4.4). Deny by default; another
 * agency's document, and one the user may not see, answer "not found" exactly like a missing one.
 */
import type { Role } from '../../domain/access/roles.ts';
import { rolesIn, type Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { can, type Permission } from '../policies/permissions.ts';
import type { AssignmentRecord, IncomingRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

const UNREGISTERED = new Set(['arrived', 'refused']);
export const WHAT = 'Văn bản đến';

/**
 * Clerks see every arrival; leaders and deputies every registered document; a head of unit those
 * assigned to the unit; anyone the documents assigned to them personally or presented to them.
 */
export function canSee(actor: Actor, roles: readonly Role[], doc: IncomingRecord, assignments: readonly AssignmentRecord[]): boolean {
  if (roles.includes('clerk')) return true;
  if (UNREGISTERED.has(doc.state)) return false;
  if (roles.includes('leader') || roles.includes('deputy_leader')) return true;
  if (doc.presentedTo === actor.userId) return true;
  if (assignments.some((a) => a.assigneeUserId === actor.userId)) return true;
  return roles.includes('head_of_unit') && actor.unitId !== null && assignments.some((a) => a.assigneeUnitId === actor.unitId);
}

export interface Visible {
  doc: IncomingRecord;
  roles: Role[];
  assignments: AssignmentRecord[];
}

export async function loadVisible(tx: TxPorts, actor: Actor, id: string, options: { lock?: boolean } = {}): Promise<Visible> {
  const doc = await tx.incoming.findById(id, options);
  if (!doc) throw notFound(WHAT);
  const roles = rolesIn(actor, doc.agencyId);
  if (roles.length === 0) throw notFound(WHAT);
  const assignments = await tx.assignments.listForDocument(doc.id);
  if (!canSee(actor, roles, doc, assignments)) throw notFound(WHAT);
  return { doc, roles, assignments };
}

export function requirePermission(roles: readonly Role[], permission: Permission, message = 'Bạn không có quyền thực hiện thao tác này với văn bản đến.'): void {
  if (!can(roles, permission)) throw new AppError(ErrorCode.FORBIDDEN, message);
}

/** Roles in an agency; none at all is answered as "not found". */
export function rolesOrNotFound(actor: Actor, agencyId: string, what = WHAT): Role[] {
  const roles = rolesIn(actor, agencyId);
  if (roles.length === 0) throw notFound(what);
  return roles;
}

/**
 * May the actor work on this assignment (assignment.work / finish, extension.request): its person,
 * the head of its unit (or of the unit it was passed down from), or a leader or deputy.
 */
export function canActOn(actor: Actor, roles: readonly Role[], a: AssignmentRecord, parent: AssignmentRecord | undefined): boolean {
  if (roles.includes('leader') || roles.includes('deputy_leader')) return true;
  if (a.assigneeUserId === actor.userId) return true;
  if (!roles.includes('head_of_unit') || actor.unitId === null) return false;
  return a.assigneeUnitId === actor.unitId || parent?.assigneeUnitId === actor.unitId;
}

export function validationError(message: string, field?: string): AppError {
  return new AppError(ErrorCode.VALIDATION_FAILED, message, field ? { field } : undefined);
}
