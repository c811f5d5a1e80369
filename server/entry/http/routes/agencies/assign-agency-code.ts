import { Type } from '@sinclair/typebox';
import { assignAgencyCode } from '../../../../app/agencies/assign-agency-code.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { CodeBody, Day } from './agency-schemas.ts';

export const assignAgencyCodeRoute = defineRoute({
  method: 'POST',
  url: '/api/agencies/:id/codes',
  summary: 'Give an agency a new identifier code: the open one closes on validFrom, history stays (system operator)',
  tags: ['directory'],
  auth: { kind: 'permission', permission: 'directory.manage' },
  schema: {
    params: IdParams,
    body: Type.Object({
      code: Type.String({ maxLength: 100 }),
      validFrom: Type.Optional(Day),
      isSample: Type.Optional(Type.Boolean()),
      source: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
    }, { additionalProperties: false }),
    response: { 200: Type.Object({ codes: Type.Array(CodeBody) }) },
  },
  handler: async ({ deps, actor, params, body }) => ({
    codes: await deps.uow.run((tx) => assignAgencyCode(tx, { clock: deps.clock }, actor, params.id, body)),
  }),
});
