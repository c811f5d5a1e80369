import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { PasswordHasher } from '../ports/users.ts';
import { assertStrongPassword } from './password-policy.ts';

/** A user changes their own password; their other sessions end. */
export async function updatePassword(
  tx: TxPorts,
  deps: { hasher: PasswordHasher; clock: Clock },
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepSessionId: string },
): Promise<void> {
  const user = await tx.users.findById(actor.userId);
  if (!user?.passwordHash || !(await deps.hasher.verify(user.passwordHash, input.currentPassword))) {
    throw new AppError(ErrorCode.AUTH_INVALID_CREDENTIALS, 'Mật khẩu hiện tại không đúng.');
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError(ErrorCode.AUTH_PASSWORD_WEAK, 'Mật khẩu mới phải khác mật khẩu hiện tại.');
  }
  assertStrongPassword(input.newPassword, user.username);
  await tx.users.setPassword(user.id, await deps.hasher.hash(input.newPassword), false, deps.clock.now());
  await tx.sessions.deleteForUser(user.id, input.keepSessionId);
  await tx.audit.record({
    type: 'user.password_changed',
    actorUserId: actor.userId,
    actorAgencyId: actor.agencyId,
    agencyId: user.agencyId,
    subjectType: 'user',
    subjectId: user.id,
    data: { by: 'self' },
  });
}
