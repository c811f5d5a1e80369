import { Type } from '@sinclair/typebox';
import { findAgencies } from '../../../../app/agencies/find-agencies.ts';
import { defineRoute } from '../../route.ts';
import { AgencyBody, Level } from './agency-schemas.ts';

export const findAgenciesRoute = defineRoute({
  method: 'GET',
  url: '/api/agencies',
  summary: 'Browse and search the agency directory (accent-insensitive: "so noi vu" finds "Sở Nội vụ")',
  tags: ['directory'],
  auth: { kind: 'permission', permission: 'directory.read' },
  schema: {
    querystring: Type.Object({
      q: Type.Optional(Type.String({ maxLength: 200 })),
      level: Type.Optional(Level),
      parent: Type.Optional(Type.String({ format: 'uuid' })),
      active: Type.Optional(Type.Boolean()),
      page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
      pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    }, { additionalProperties: false }),
    response: { 200: Type.Object({ items: Type.Array(AgencyBody), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) },
  },
  handler: async ({ deps, actor, query }) =>
    deps.uow.run((tx) =>
      findAgencies(tx, actor, {
        ...(query.q !== undefined && { q: query.q }),
        ...(query.level !== undefined && { level: query.level as never }),
        ...(query.parent !== undefined && { parentId: query.parent }),
        ...(query.active !== undefined && { active: query.active }),
        ...(query.page !== undefined && { page: query.page }),
        ...(query.pageSize !== undefined && { pageSize: query.pageSize }),
      }),
    ),
});
