import { Type } from '@sinclair/typebox';
import { answerChangeRequest, findUnlinkedChangeRequests } from '../../../../app/incoming/answer-change-request.ts';
import { incomingDepsOf } from '../../../incoming/incoming-deps.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { AgencyQuery, ChangeRequestBody, presentChangeRequest } from './incoming-schemas.ts';

export const answerChangeRequestRoute = defineRoute({
  method: 'POST',
  url: '/api/incoming-change-requests/:id/answer',
  summary: 'The clerk accepts (15: revoked document cancelled, update applied keeping the previous version, or document replaced) or refuses (16, reason required) a change request',
  tags: ['incoming'],
  auth: { kind: 'permission', permission: 'incoming.register' },
  schema: {
    params: IdParams,
    body: Type.Object({ accept: Type.Boolean(), reason: Type.Optional(Type.String({ maxLength: 1000 })) }, { additionalProperties: false }),
    response: { 200: ChangeRequestBody },
  },
  handler: async ({ deps, actor, params, body }) =>
    presentChangeRequest(await deps.uow.run((tx) => answerChangeRequest(tx, incomingDepsOf(deps), actor, params.id, { accept: body.accept, ...(body.reason !== undefined && { reason: body.reason }) }))),
});

export const findUnlinkedChangeRequestsRoute = defineRoute({
  method: 'GET',
  url: '/api/incoming-change-requests',
  summary: "Revocations and updates whose document has not arrived: parked (waiting one TTL) or unmatched, for the agency's clerks",
  tags: ['incoming'],
  auth: { kind: 'permission', permission: 'incoming.register' },
  schema: { querystring: AgencyQuery, response: { 200: Type.Object({ items: Type.Array(ChangeRequestBody) }) } },
  handler: async ({ deps, actor, query }) => ({
    items: (await deps.uow.run((tx) => findUnlinkedChangeRequests(tx, actor, query.agencyId ?? actor.agencyId))).map(presentChangeRequest),
  }),
});
