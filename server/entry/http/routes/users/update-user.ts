import { Type } from '@sinclair/typebox';
import { updateUser } from '../../../../app/users/update-user.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { Email, UserBody, presentUser } from './user-schemas.ts';

export const updateUserRoute = defineRoute({
  method: 'PATCH',
  url: '/api/users/:id',
  summary: 'Edit a user’s name, title, unit, e-mail or active flag (deactivating ends their sessions)',
  tags: ['users'],
  auth: { kind: 'permission', permission: 'user.manage' },
  schema: {
    params: IdParams,
    body: Type.Object({
      fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      title: Type.Optional(Type.String({ maxLength: 200 })),
      unitId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
      email: Type.Optional(Email),
      active: Type.Optional(Type.Boolean()),
    }, { additionalProperties: false }),
    response: { 200: UserBody },
  },
  handler: async ({ deps, actor, params, body }) => presentUser(await deps.uow.run((tx) => updateUser(tx, actor, params.id, body))),
});
