import { Type } from '@sinclair/typebox';
import { findUnits } from '../../../../app/agencies/find-units.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { UnitBody } from './agency-schemas.ts';

export const findUnitsRoute = defineRoute({
  method: 'GET',
  url: '/api/agencies/:id/units',
  summary: 'The units (phòng, ban) of an agency, focal point first',
  tags: ['directory'],
  auth: { kind: 'permission', permission: 'directory.read' },
  schema: { params: IdParams, response: { 200: Type.Object({ items: Type.Array(UnitBody) }) } },
  handler: async ({ deps, actor, params }) => ({ items: await deps.uow.run((tx) => findUnits(tx, actor, params.id)) }),
});
