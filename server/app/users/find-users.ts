import type { Role } from '../../domain/access/roles.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { administersUsersOf } from '../policies/users.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { toUserView, type UserView } from './get-user.ts';

export interface FindUsersInput {
  unitId?: string;
  role?: Role;
  active?: boolean;
  /** Part of a name or username; accents and case do not matter ("nguyen" finds "Nguyễn"). */
  text?: string;
  limit?: number;
  offset?: number;
}

/** The users of the actor's own agency, for its administrator. */
export async function findUsers(tx: TxPorts, actor: Actor, input: FindUsersInput): Promise<{ items: UserView[]; total: number }> {
  // The operator's user.manage is bootstrap only: creating a first administrator, not browsing staff.
  if (!administersUsersOf(actor, actor.agencyId)) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ quản trị viên của cơ quan xem được danh sách người dùng.');
  }
  const { items, total } = await tx.users.search({
    agencyId: actor.agencyId,
    unitId: input.unitId,
    role: input.role,
    active: input.active,
    text: input.text,
    limit: Math.min(Math.max(input.limit ?? 50, 1), 200),
    offset: Math.max(input.offset ?? 0, 0),
  });
  const roles = await tx.users.rolesOfUsers(items.map((u) => u.id));
  return { items: items.map((u) => toUserView(u, roles.get(u.id) ?? [])), total };
}
