import { Type } from '@sinclair/typebox';
import { createAgency } from '../../../../app/agencies/create-agency.ts';
import { defineRoute } from '../../route.ts';
import { AgencyBody, Day, agencyEditableFields, optionalAll } from './agency-schemas.ts';

const { name, shortName, level, ...optional } = agencyEditableFields;

export const createAgencyRoute = defineRoute({
  method: 'POST',
  url: '/api/agencies',
  summary: 'Add an agency, optionally with its identifier code and focal-point unit (system operator)',
  tags: ['directory'],
  auth: { kind: 'permission', permission: 'directory.manage' },
  schema: {
    body: Type.Object({
      name, shortName, level,
      ...optionalAll(optional),
      code: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
      codeValidFrom: Type.Optional(Day),
      codeIsSample: Type.Optional(Type.Boolean()),
      codeSource: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
      focalUnitName: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    }, { additionalProperties: false }),
    response: { 201: AgencyBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const agency = await deps.uow.run((tx) => createAgency(tx, { clock: deps.clock }, actor, body));
    reply.status(201);
    return agency;
  },
});
