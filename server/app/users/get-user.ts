import type { Actor } from '../actor.ts';
import { loadManagedUser } from '../policies/users.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { RoleGrant, UserRecord } from '../ports/users.ts';

/** What an administrator sees of an account: never the password hash. */
export type UserView = Omit<UserRecord, 'passwordHash' | 'failedLogins'> & { roles: RoleGrant[] };

export function toUserView(user: UserRecord, roles: RoleGrant[]): UserView {
  const { passwordHash: _hash, failedLogins: _failures, ...rest } = user;
  return { ...rest, roles };
}

/** One user of an agency the actor administers; any other id is "not found". */
export async function getUser(tx: TxPorts, actor: Actor, userId: string): Promise<UserView> {
  const { user, grants } = await loadManagedUser(tx, actor, userId);
  return toUserView(user, grants);
}
