import { Ok } from '../../schemas.ts';
import { defineRoute } from '../../route.ts';
import { SESSION_COOKIE } from '../../session-cookie.ts';

export const logout = defineRoute({
  method: 'POST',
  url: '/api/auth/logout',
  summary: 'End the current session',
  tags: ['auth'],
  auth: { kind: 'session' },
  schema: { response: { 200: Ok } },
  handler: async ({ deps, actor, session, reply }) => {
    await deps.uow.run(async (tx) => {
      await tx.sessions.delete(session.id);
      await tx.audit.record({ type: 'auth.logged_out', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: actor.agencyId, subjectType: 'user', subjectId: actor.userId });
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  },
});
