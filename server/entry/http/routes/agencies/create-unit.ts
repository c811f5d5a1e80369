import { Type } from '@sinclair/typebox';
import { createUnit } from '../../../../app/agencies/create-unit.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { UnitBody } from './agency-schemas.ts';

export const createUnitRoute = defineRoute({
  method: 'POST',
  url: '/api/agencies/:id/units',
  summary: "Add a unit to an agency (the agency's own administrator, or the system operator)",
  tags: ['directory'],
  auth: { kind: 'permission', permission: 'user.manage' },
  schema: {
    params: IdParams,
    body: Type.Object({
      name: Type.String({ maxLength: 200 }),
      abbreviation: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
      parentId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
      isFocalPoint: Type.Optional(Type.Boolean()),
    }, { additionalProperties: false }),
    response: { 201: UnitBody },
  },
  handler: async ({ deps, actor, params, body, reply }) => {
    const unit = await deps.uow.run((tx) => createUnit(tx, actor, params.id, body));
    reply.status(201);
    return unit;
  },
});
