import type { Role } from '../../domain/access/roles.ts';
import { rolesIn, type Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { RoleGrant, UserRecord } from '../ports/users.ts';
import { scopeOf } from './permissions.ts';

/**
 * Roles an agency administrator may grant. Supervisor and operator are province-wide: only the
 * machine's operator grants them at the command line, so an agency administrator can neither
 * create such an account nor take one over (reset its password, change its roles).
 */
export const AGENCY_ROLES: readonly Role[] = ['clerk', 'leader', 'deputy_leader', 'head_of_unit', 'specialist', 'agency_admin'];

export function isAgencyRole(role: Role): boolean {
  return AGENCY_ROLES.includes(role);
}

/** Whether the actor administers the users of an agency (their own, or one they serve as admin). */
export function administersUsersOf(actor: Actor, agencyId: string): boolean {
  return scopeOf(rolesIn(actor, agencyId), 'user.manage') === 'all';
}

/** A user the actor administers, with their grants; anything else answers exactly like a missing user. */
export async function loadManagedUser(tx: TxPorts, actor: Actor, userId: string): Promise<{ user: UserRecord; grants: RoleGrant[] }> {
  const user = await tx.users.findById(userId);
  if (!user || !administersUsersOf(actor, user.agencyId)) throw notFound('Người dùng');
  return { user, grants: await tx.users.roles(user.id) };
}

/** Changes to an account holding a province-wide role are the operator's, at the command line. */
export function assertAgencyAccount(grants: readonly RoleGrant[]): void {
  const foreign = grants.find((g) => !isAgencyRole(g.role));
  if (foreign) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Tài khoản có vai trò cấp tỉnh (giám sát, quản trị hệ thống) chỉ do quản trị hệ thống thay đổi bằng dòng lệnh.');
  }
}

/** Refuses a change that would leave the agency without an active administrator. */
export async function assertAdminRemains(tx: TxPorts, user: UserRecord, grants: readonly RoleGrant[]): Promise<void> {
  const isAdmin = user.active && grants.some((g) => g.agencyId === user.agencyId && g.role === 'agency_admin');
  if (!isAdmin) return;
  if ((await tx.users.countActiveWithRole(user.agencyId, 'agency_admin')) <= 1) {
    throw new AppError(
      ErrorCode.USER_LAST_ADMIN,
      'Đây là quản trị viên cuối cùng của cơ quan: không thể bỏ vai trò Quản trị cơ quan hay khóa tài khoản này. Hãy giao vai trò quản trị cho người khác trước.',
    );
  }
}
