import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { can } from '../policies/permissions.ts';

/** Hub screens are province-wide operator tools: hub.operate or nothing (deny by default). */
export function assertOperator(actor: Actor): void {
  const roles = [...actor.roles, ...Object.values(actor.servedRoles).flat()];
  if (!can(roles, 'hub.operate')) throw new AppError(ErrorCode.FORBIDDEN, 'Bạn không có quyền vận hành trục liên thông.');
}
