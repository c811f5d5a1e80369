import { Type } from '@sinclair/typebox';
import { findUsers } from '../../../../app/users/find-users.ts';
import { defineRoute } from '../../route.ts';
import { RoleCode, UserBody, presentUser } from './user-schemas.ts';

export const findUsersRoute = defineRoute({
  method: 'GET',
  url: '/api/users',
  summary: 'Users of the own agency, for its administrator; filter by unit, role, active, and search names accent-insensitively',
  tags: ['users'],
  auth: { kind: 'permission', permission: 'user.manage' },
  schema: {
    querystring: Type.Object({
      q: Type.Optional(Type.String({ maxLength: 200 })),
      unit: Type.Optional(Type.String({ format: 'uuid' })),
      role: Type.Optional(RoleCode),
      active: Type.Optional(Type.Boolean()),
      page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
      pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    }, { additionalProperties: false }),
    response: { 200: Type.Object({ items: Type.Array(UserBody), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
  },
  handler: async ({ deps, actor, query }) => {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const found = await deps.uow.run((tx) =>
      findUsers(tx, actor, { text: query.q, unitId: query.unit, role: query.role, active: query.active, limit: pageSize, offset: (page - 1) * pageSize }),
    );
    return { items: found.items.map(presentUser), total: found.total, page, pageSize };
  },
});
