import { Type } from '@sinclair/typebox';
import { updateUserPassword } from '../../../../app/users/update-user-password.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';

export const updateUserPasswordRoute = defineRoute({
  method: 'POST',
  url: '/api/users/:id/password-reset',
  summary: 'Reset a user’s password to a temporary one (given, or generated and shown once); they must change it at the next login',
  tags: ['users'],
  auth: { kind: 'permission', permission: 'user.manage' },
  rateLimitPerMinute: 30,
  schema: {
    params: IdParams,
    body: Type.Object({ temporaryPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false }),
    response: { 200: Type.Object({ temporaryPassword: Type.String(), mustChangePassword: Type.Literal(true) }) },
  },
  handler: async ({ deps, actor, params, body }) => {
    const result = await deps.uow.run((tx) =>
      updateUserPassword(tx, { hasher: deps.hasher, clock: deps.clock }, actor, params.id, { temporaryPassword: body.temporaryPassword }),
    );
    return { temporaryPassword: result.temporaryPassword, mustChangePassword: true as const };
  },
});
