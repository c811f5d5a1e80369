import { Type } from '@sinclair/typebox';
import { createUser } from '../../../../app/users/create-user.ts';
import { toUserView } from '../../../../app/users/get-user.ts';
import { defineRoute } from '../../route.ts';
import { Email, RoleCode, UserBody, presentUser } from './user-schemas.ts';

export const createUserRoute = defineRoute({
  method: 'POST',
  url: '/api/users',
  summary: 'Create a user in the own agency (the system operator: only an agency’s first administrator); the password is temporary',
  tags: ['users'],
  auth: { kind: 'permission', permission: 'user.manage' },
  schema: {
    body: Type.Object({
      agencyId: Type.Optional(Type.String({ format: 'uuid', description: 'default: the own agency' })),
      unitId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
      username: Type.String({ minLength: 1, maxLength: 40 }),
      fullName: Type.String({ minLength: 1, maxLength: 200 }),
      title: Type.Optional(Type.String({ maxLength: 200 })),
      email: Type.Optional(Email),
      roles: Type.Array(RoleCode, { minItems: 1, maxItems: 8 }),
      password: Type.String({ minLength: 1, maxLength: 200, description: 'temporary: the user must change it at the first login' }),
    }, { additionalProperties: false }),
    response: { 201: UserBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const view = await deps.uow.run(async (tx) => {
      const created = await createUser(tx, { hasher: deps.hasher, clock: deps.clock }, actor, {
        ...body,
        agencyId: body.agencyId ?? actor.agencyId,
        mustChangePassword: true,
      });
      return toUserView(created, await tx.users.roles(created.id));
    });
    reply.status(201);
    return presentUser(view);
  },
});
