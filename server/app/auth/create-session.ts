import type { Clock } from '../ports/clock.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { PasswordHasher } from '../ports/users.ts';
import { newCsrfToken, newSessionToken } from './session-token.ts';

export interface LoginPolicy {
  maxFailures: number;
  lockoutMinutes: number;
  sessionTtlMinutes: number;
}

export type LoginResult =
  | { ok: true; token: string; csrfToken: string; userId: string; mustChangePassword: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: Date };

// Verified when the user does not exist, so both answers take the same time.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Qm7h6m0m2Hq0t1pHcA5M0yE8hQk1m1Yd3B3jvO8d7aQ';

/**
 * Logs a user in. Failures are returned, not thrown, so the failure counter and lockout are
 * committed with their audit events.
 */
export async function createSession(
  tx: TxPorts,
  deps: { hasher: PasswordHasher; clock: Clock; policy: LoginPolicy },
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<LoginResult> {
  const now = deps.clock.now();
  const user = await tx.users.findByUsername(input.username.trim());
  if (!user || !user.active || !user.passwordHash) {
    await deps.hasher.verify(DUMMY_HASH, input.password).catch(() => false);
    return { ok: false, reason: 'invalid' };
  }
  if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: 'locked', until: user.lockedUntil };

  const actorRef = { actorUserId: user.id, actorAgencyId: user.agencyId, agencyId: user.agencyId, subjectType: 'user', subjectId: user.id };
  if (!(await deps.hasher.verify(user.passwordHash, input.password))) {
    const failures = user.failedLogins + 1;
    const locks = failures >= deps.policy.maxFailures;
    const lockedUntil = locks ? new Date(now.getTime() + deps.policy.lockoutMinutes * 60_000) : null;
    await tx.users.setLoginState(user.id, { failedLogins: locks ? 0 : failures, lockedUntil });
    await tx.audit.record({ type: 'auth.login_failed', ...actorRef, data: { failures, ip: input.ip } });
    if (locks && lockedUntil) {
      await tx.audit.record({ type: 'auth.account_locked', ...actorRef, data: { until: lockedUntil.toISOString() } });
      return { ok: false, reason: 'locked', until: lockedUntil };
    }
    return { ok: false, reason: 'invalid' };
  }

  if (user.failedLogins > 0 || user.lockedUntil) await tx.users.setLoginState(user.id, { failedLogins: 0, lockedUntil: null });
  const { token, id } = newSessionToken();
  const csrfToken = newCsrfToken();
  await tx.sessions.create({
    id,
    userId: user.id,
    csrfToken,
    expiresAt: new Date(now.getTime() + deps.policy.sessionTtlMinutes * 60_000),
    ip: input.ip,
    userAgent: input.userAgent,
  });
  await tx.audit.record({ type: 'auth.login_succeeded', ...actorRef, data: { ip: input.ip } });
  return { ok: true, token, csrfToken, userId: user.id, mustChangePassword: user.mustChangePassword };
}
