import { ROLE_LABELS, isRole, type Role } from '../../domain/access/roles.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { assertAdminRemains, assertAgencyAccount, isAgencyRole, loadManagedUser } from '../policies/users.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { RoleGrant } from '../ports/users.ts';
import { toUserView, type UserView } from './get-user.ts';

export interface UpdateUserRolesInput {
  /** Roles in the user's own agency (at least one). */
  roles: string[];
  /** Roles in agencies the user's agency serves (domain.md §3); an agency left out loses its roles. */
  served?: { agencyId: string; roles: string[] }[];
}

function parseRoles(values: readonly string[]): Role[] {
  const out: Role[] = [];
  for (const value of values) {
    if (!isRole(value)) throw new AppError(ErrorCode.VALIDATION_FAILED, `Vai trò không hợp lệ: ${value}`, { field: 'roles' });
    if (!isAgencyRole(value)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, `Vai trò "${ROLE_LABELS[value]}" chỉ do quản trị hệ thống cấp bằng dòng lệnh.`, { field: 'roles' });
    }
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

const key = (g: RoleGrant) => `${g.agencyId}/${g.role}`;

/** Replaces a user's roles, in their agency and in the agencies it serves. */
export async function updateUserRoles(tx: TxPorts, actor: Actor, userId: string, input: UpdateUserRolesInput): Promise<UserView> {
  const { user, grants } = await loadManagedUser(tx, actor, userId);
  assertAgencyAccount(grants);
  const home = parseRoles(input.roles);
  if (home.length === 0) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Người dùng cần ít nhất một vai trò trong cơ quan của mình.', { field: 'roles' });
  const next: RoleGrant[] = home.map((role) => ({ agencyId: user.agencyId, role }));
  const served = new Set((await tx.agencies.listServedBy(user.agencyId)).map((a) => a.id));
  const seen = new Set<string>();
  for (const entry of input.served ?? []) {
    if (!served.has(entry.agencyId)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Chỉ cấp được vai trò trong cơ quan mà cơ quan của người dùng phục vụ (ví dụ Văn phòng phục vụ Ủy ban nhân dân).', { field: 'served' });
    }
    if (seen.has(entry.agencyId)) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Mỗi cơ quan chỉ được nêu một lần.', { field: 'served' });
    seen.add(entry.agencyId);
    for (const role of parseRoles(entry.roles)) next.push({ agencyId: entry.agencyId, role });
  }

  const before = grants.map(key).sort();
  const after = next.map(key).sort();
  if (before.join() === after.join()) return toUserView(user, grants);
  const losesAdmin = grants.some((g) => g.agencyId === user.agencyId && g.role === 'agency_admin') && !home.includes('agency_admin');
  if (losesAdmin) await assertAdminRemains(tx, user, grants);
  await tx.users.setRoles(user.id, next);
  await tx.audit.record({
    type: 'user.roles_changed',
    actorUserId: actor.userId,
    actorAgencyId: actor.agencyId,
    agencyId: user.agencyId,
    subjectType: 'user',
    subjectId: user.id,
    data: { before: grants, after: next },
  });
  return toUserView(user, await tx.users.roles(user.id));
}
