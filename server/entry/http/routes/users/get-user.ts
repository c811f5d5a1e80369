import { getUser } from '../../../../app/users/get-user.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { UserBody, presentUser } from './user-schemas.ts';

export const getUserRoute = defineRoute({
  method: 'GET',
  url: '/api/users/:id',
  summary: 'One user of the own agency, with roles (another agency’s user: 404)',
  tags: ['users'],
  auth: { kind: 'permission', permission: 'user.manage' },
  schema: { params: IdParams, response: { 200: UserBody } },
  handler: async ({ deps, actor, params }) => presentUser(await deps.uow.run((tx) => getUser(tx, actor, params.id))),
});
