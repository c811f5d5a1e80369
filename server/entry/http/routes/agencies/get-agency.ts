import { getAgency } from '../../../../app/agencies/get-agency.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { AgencyDetailBody } from './agency-schemas.ts';

export const getAgencyRoute = defineRoute({
  method: 'GET',
  url: '/api/agencies/:id',
  summary: 'One agency with its parent, units, focal point and identifier-code history',
  tags: ['directory'],
  auth: { kind: 'permission', permission: 'directory.read' },
  schema: { params: IdParams, response: { 200: AgencyDetailBody } },
  handler: async ({ deps, actor, params }) => deps.uow.run((tx) => getAgency(tx, actor, params.id)),
});
