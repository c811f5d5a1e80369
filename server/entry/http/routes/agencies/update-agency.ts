import { Type } from '@sinclair/typebox';
import { updateAgency } from '../../../../app/agencies/update-agency.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { AgencyBody, Day, agencyEditableFields, optionalAll } from './agency-schemas.ts';

export const updateAgencyRoute = defineRoute({
  method: 'PATCH',
  url: '/api/agencies/:id',
  summary: 'Edit an agency; `active: false` deactivates it, `true` reactivates (system operator). Codes change through POST …/codes',
  tags: ['directory'],
  auth: { kind: 'permission', permission: 'directory.manage' },
  schema: {
    params: IdParams,
    body: Type.Object({
      ...optionalAll(agencyEditableFields),
      existedTo: Type.Optional(Type.Union([Day, Type.Null()])),
      active: Type.Optional(Type.Boolean()),
    }, { additionalProperties: false, minProperties: 1 }),
    response: { 200: AgencyBody },
  },
  handler: async ({ deps, actor, params, body }) => deps.uow.run((tx) => updateAgency(tx, actor, params.id, body)),
});
