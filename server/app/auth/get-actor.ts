import type { Actor } from '../actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { sessionIdOf } from './session-token.ts';
import type { Role } from '../../domain/access/roles.ts';

export interface ResolvedSession {
  actor: Actor;
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
}

/** Resolves a session cookie to the acting user; undefined when missing, expired or disabled. */
export async function getActor(
  tx: TxPorts,
  deps: { clock: Clock; sessionTtlMinutes: number },
  token: string,
): Promise<ResolvedSession | undefined> {
  const now = deps.clock.now();
  const session = await tx.sessions.find(sessionIdOf(token));
  if (!session) return undefined;
  if (session.expiresAt <= now) {
    await tx.sessions.delete(session.id);
    return undefined;
  }
  const user = await tx.users.findById(session.userId);
  if (!user || !user.active) return undefined;
  const ttl = deps.sessionTtlMinutes * 60_000;
  // Sliding expiry, written at most once a minute per session.
  if (session.expiresAt.getTime() - now.getTime() < ttl - 60_000) {
    await tx.sessions.touch(session.id, new Date(now.getTime() + ttl), now);
  }
  const grants = await tx.users.roles(user.id);
  const roles: Role[] = [];
  const servedRoles: Record<string, Role[]> = {};
  for (const g of grants) {
    if (g.agencyId === user.agencyId) roles.push(g.role);
    else (servedRoles[g.agencyId] ??= []).push(g.role);
  }
  return {
    actor: { userId: user.id, username: user.username, fullName: user.fullName, agencyId: user.agencyId, unitId: user.unitId, roles, servedRoles },
    sessionId: session.id,
    csrfToken: session.csrfToken,
    mustChangePassword: user.mustChangePassword,
  };
}
