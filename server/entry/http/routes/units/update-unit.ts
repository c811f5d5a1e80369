import { Type } from '@sinclair/typebox';
import { updateUnit } from '../../../../app/agencies/update-unit.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { UnitBody } from '../agencies/agency-schemas.ts';

export const updateUnitRoute = defineRoute({
  method: 'PATCH',
  url: '/api/units/:id',
  summary: "Rename, move, deactivate a unit or make it the focal point (the agency's own administrator, or the system operator)",
  tags: ['directory'],
  auth: { kind: 'permission', permission: 'user.manage' },
  schema: {
    params: IdParams,
    body: Type.Object({
      name: Type.Optional(Type.String({ maxLength: 200 })),
      abbreviation: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
      parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
      isFocalPoint: Type.Optional(Type.Boolean()),
      active: Type.Optional(Type.Boolean()),
    }, { additionalProperties: false, minProperties: 1 }),
    response: { 200: UnitBody },
  },
  handler: async ({ deps, actor, params, body }) => deps.uow.run((tx) => updateUnit(tx, actor, params.id, body)),
});
