import { Type } from '@sinclair/typebox';
import { updateUserRoles } from '../../../../app/users/update-user-roles.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { RoleCode, UserBody, presentUser } from './user-schemas.ts';

export const updateUserRolesRoute = defineRoute({
  method: 'PUT',
  url: '/api/users/:id/roles',
  summary: 'Replace a user’s roles in the own agency and in the agencies it serves (the last administrator keeps theirs)',
  tags: ['users'],
  auth: { kind: 'permission', permission: 'user.manage' },
  schema: {
    params: IdParams,
    body: Type.Object({
      roles: Type.Array(RoleCode, { minItems: 1, maxItems: 8 }),
      served: Type.Optional(Type.Array(Type.Object({ agencyId: Type.String({ format: 'uuid' }), roles: Type.Array(RoleCode, { maxItems: 8 }) }, { additionalProperties: false }), { maxItems: 20 })),
    }, { additionalProperties: false }),
    response: { 200: UserBody },
  },
  handler: async ({ deps, actor, params, body }) => presentUser(await deps.uow.run((tx) => updateUserRoles(tx, actor, params.id, body))),
});
