import { Type } from '@sinclair/typebox';
import { findDeadlineSettings, updateDeadlineSettings } from '../../../../app/incoming/deadline-settings.ts';
import { defineRoute } from '../../route.ts';
import { AgencyQuery } from './incoming-schemas.ts';

const Setting = Type.Object({ typeCode: Type.String({ maxLength: 40 }), urgency: Type.String({ maxLength: 20 }), workingDays: Type.Integer({ minimum: 0, maximum: 365 }) }, { additionalProperties: false });

export const findDeadlineSettingsRoute = defineRoute({
  method: 'GET',
  url: '/api/incoming-deadlines',
  summary: 'Default handling deadlines in working days per document type and urgency (seed 10/3/2/1 where the agency set none)',
  tags: ['incoming'],
  auth: { kind: 'session' },
  schema: { querystring: AgencyQuery, response: { 200: Type.Object({ items: Type.Array(Setting) }) } },
  handler: async ({ deps, actor, query }) => ({ items: await deps.uow.run((tx) => findDeadlineSettings(tx, actor, query.agencyId ?? actor.agencyId)) }),
});

export const updateDeadlineSettingsRoute = defineRoute({
  method: 'PUT',
  url: '/api/incoming-deadlines',
  summary: 'Set default handling deadlines per (type, urgency); type "*" means any type (agency administrator)',
  tags: ['incoming'],
  auth: { kind: 'permission', permission: 'agency.configure' },
  schema: {
    body: Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })), settings: Type.Array(Setting, { minItems: 1, maxItems: 200 }) }, { additionalProperties: false }),
    response: { 200: Type.Object({ items: Type.Array(Setting) }) },
  },
  handler: async ({ deps, actor, body }) => ({ items: await deps.uow.run((tx) => updateDeadlineSettings(tx, deps, actor, body.agencyId ?? actor.agencyId, body.settings)) }),
});
