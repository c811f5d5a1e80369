import type { Actor } from '../actor.ts';
import { rolesIn } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { can, type Permission } from '../policies/permissions.ts';

/**
 * An agency's keys, seal and signature images are its administrator's (agency.configure). Someone
 * with no role in the agency is answered as if it did not exist; `null` is the command line.
 */
export function assertAgencySigningAccess(actor: Actor | null, agencyId: string, permission: Permission = 'agency.configure'): void {
  if (!actor) return;
  const roles = rolesIn(actor, agencyId);
  if (roles.length === 0) throw notFound('Cơ quan');
  if (!can(roles, permission)) throw new AppError(ErrorCode.FORBIDDEN, 'Bạn không có quyền quản lý chữ ký số của cơ quan này.');
}

/** Trust anchors and revocation sources are the system operator's (hub.operate). */
export function assertOperator(actor: Actor | null): void {
  if (actor && !can(actor.roles, 'hub.operate')) throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ quản trị hệ thống được cấu hình nguồn tin cậy và danh sách thu hồi.');
}
