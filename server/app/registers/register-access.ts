import type { Actor } from '../actor.ts';
import { rolesIn } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { can, type Permission } from '../policies/permissions.ts';

/**
 * Who may touch an agency's registers (domain.md §4.4). `null` is the machine's operator at the
 * command line or a system step (issuing, registering) that checked its caller already. Someone
 * with no role in the agency is answered as if the register (or agency) did not exist.
 */
export function assertRegisterAccess(actor: Actor | null, agencyId: string, permissions: readonly Permission[], what = 'Sổ đăng ký'): void {
  if (!actor) return;
  const roles = rolesIn(actor, agencyId);
  if (roles.length === 0) throw notFound(what);
  if (!permissions.some((p) => can(roles, p))) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Bạn không có quyền thực hiện thao tác này với sổ đăng ký văn bản.');
  }
}

/** Issuing numbers from outgoing and copy registers is the clerk's; arrival numbers too (§4.4). */
export function allocationPermission(direction: 'outgoing' | 'incoming' | 'copy'): Permission {
  return direction === 'incoming' ? 'incoming.register' : 'document.issue';
}
