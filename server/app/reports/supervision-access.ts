import { rolesIn, type Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { can, scopeOf, type Scope } from '../policies/permissions.ts';

/** Province-wide indicators and evaluation reports: `report.province` (the provincial supervisor). */
export function assertSupervisor(actor: Actor): void {
  if (!can(rolesIn(actor, actor.agencyId), 'report.province')) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ giám sát cấp tỉnh được xem số liệu toàn tỉnh.');
  }
}

/**
 * The leaders' workload view of one agency (`report.agency`): leaders and deputies see the whole
 * agency, heads of unit their unit. Someone with no role there is told it does not exist.
 */
export function workloadScope(actor: Actor, agencyId: string): Exclude<Scope, 'registers'> {
  const roles = rolesIn(actor, agencyId);
  if (roles.length === 0) throw new AppError(ErrorCode.NOT_FOUND, 'Không tìm thấy cơ quan.');
  const scope = scopeOf(roles, 'report.agency');
  if (scope === 'all' || (scope === 'unit' && actor.unitId)) return scope;
  throw new AppError(ErrorCode.FORBIDDEN, 'Bạn không có quyền xem khối lượng công việc của cơ quan.');
}
