import { randomInt } from 'node:crypto';
import type { Actor } from '../actor.ts';
import { assertStrongPassword } from '../auth/password-policy.ts';
import type { Clock } from '../ports/clock.ts';
import { assertAgencyAccount, loadManagedUser } from '../policies/users.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { PasswordHasher } from '../ports/users.ts';

// No 0/O, 1/l/I: the administrator reads the password out to the user.
const LETTERS = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';

/** A readable 14-character password with letters and digits in groups: "Kd7p-29Xa-mQ4t". */
export function newTemporaryPassword(): string {
  const pick = (set: string) => set[randomInt(set.length)]!;
  const group = () => {
    const chars = [pick(LETTERS), pick(DIGITS), pick(LETTERS), pick(LETTERS + DIGITS)];
    return chars.join('');
  };
  return [group(), group(), group()].join('-');
}

/**
 * An administrator resets a user's password to a temporary one (given, or generated and shown
 * once); the user must change it at the next login. Their sessions end and any lockout lifts.
 */
export async function updateUserPassword(
  tx: TxPorts,
  deps: { hasher: PasswordHasher; clock: Clock },
  actor: Actor,
  userId: string,
  input: { temporaryPassword?: string },
): Promise<{ temporaryPassword: string }> {
  const { user, grants } = await loadManagedUser(tx, actor, userId);
  assertAgencyAccount(grants);
  const temporaryPassword = input.temporaryPassword ?? newTemporaryPassword();
  assertStrongPassword(temporaryPassword, user.username);
  await tx.users.setPassword(user.id, await deps.hasher.hash(temporaryPassword), true, deps.clock.now());
  await tx.sessions.deleteForUser(user.id);
  await tx.audit.record({
    type: 'user.password_changed',
    actorUserId: actor.userId,
    actorAgencyId: actor.agencyId,
    agencyId: user.agencyId,
    subjectType: 'user',
    subjectId: user.id,
    data: { by: 'admin', mustChange: true },
  });
  return { temporaryPassword };
}
