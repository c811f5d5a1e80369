import { keysOf, type ReaderKey } from '../../domain/search/readers.ts';
import { rolesIn, type Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { can } from '../policies/permissions.ts';

/**
 * The reader keys the actor holds in the agency searched (home or served, domain.md §3). Someone
 * with no role there is told the agency does not exist; a role without document content
 * (administrator, supervisor, operator) is refused. Never returns an empty list.
 */
export function searchKeys(actor: Actor, agencyId: string): ReaderKey[] {
  const roles = rolesIn(actor, agencyId);
  if (roles.length === 0) throw notFound('Cơ quan');
  const keys = can(roles, 'document.search') ? keysOf({ userId: actor.userId, unitId: actor.unitId, roles }) : [];
  if (keys.length === 0) throw new AppError(ErrorCode.FORBIDDEN, 'Vai trò của bạn không được tìm kiếm nội dung văn bản của cơ quan.');
  return keys;
}
