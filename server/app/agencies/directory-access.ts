import type { Actor } from '../actor.ts';
import { rolesIn } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { can, canWrite, scopeOf } from '../policies/permissions.ts';

/**
 * Who may do what in the directory (domain.md §4.4). `null` is the machine's operator at the
 * command line, who already holds the database. Deny by default.
 */
function allRoles(actor: Actor) {
  return [...actor.roles, ...Object.values(actor.servedRoles).flat()];
}

export function assertDirectoryRead(actor: Actor | null): void {
  if (actor && !can(allRoles(actor), 'directory.read')) throw forbidden();
}

/** Changing the agency tree and codes: the system operator (the provincial supervisor reads only). */
export function assertDirectoryManage(actor: Actor | null): void {
  if (actor && !canWrite(actor.roles, 'directory.manage')) throw forbidden();
}

/** Export is a read of the whole directory: the supervisor may, the staff may not. */
export function assertDirectoryExport(actor: Actor | null): void {
  if (actor && !can(actor.roles, 'directory.manage')) throw forbidden();
}

/**
 * Units of an agency: its own administrator, or the system operator. Anyone else, including the
 * administrator of another agency, is answered as if the agency did not exist.
 */
export function assertUnitManage(actor: Actor | null, agencyId: string): void {
  if (!actor) return;
  const own = scopeOf(rolesIn(actor, agencyId), 'user.manage') === 'all';
  const operator = canWrite(actor.roles, 'directory.manage');
  if (!own && !operator) throw notFound('Cơ quan');
}

function forbidden(): AppError {
  return new AppError(ErrorCode.FORBIDDEN, 'Bạn không có quyền thực hiện thao tác này.');
}
