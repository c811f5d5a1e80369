import { Type } from '@sinclair/typebox';
import { updatePassword } from '../../../../app/auth/update-password.ts';
import { Ok } from '../../schemas.ts';
import { defineRoute } from '../../route.ts';

export const changePassword = defineRoute({
  method: 'POST',
  url: '/api/auth/password',
  summary: 'Change the own password (other sessions end)',
  tags: ['auth'],
  auth: { kind: 'session' },
  rateLimitPerMinute: 10,
  schema: {
    body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
    response: { 200: Ok },
  },
  handler: async ({ deps, actor, session, body }) => {
    await deps.uow.run((tx) => updatePassword(tx, { hasher: deps.hasher, clock: deps.clock }, actor, { ...body, keepSessionId: session.id }));
    return { ok: true as const };
  },
});
