import { Type } from '@sinclair/typebox';
import { refuseIncomingDocument } from '../../../../app/incoming/refuse-incoming-document.ts';
import { incomingDepsOf } from '../../../incoming/incoming-deps.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { IncomingBody, presentIncoming } from './incoming-schemas.ts';

export const refuseIncomingRoute = defineRoute({
  method: 'POST',
  url: '/api/incoming/:id/refuse',
  summary: 'Refuse an arrival with a mandatory reason; it stays on record as refused; status 02 with the reason to the sender',
  tags: ['incoming'],
  auth: { kind: 'permission', permission: 'incoming.register' },
  schema: { params: IdParams, body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }), response: { 200: IncomingBody } },
  handler: async ({ deps, actor, params, body }) => presentIncoming(await deps.uow.run((tx) => refuseIncomingDocument(tx, incomingDepsOf(deps), actor, params.id, body))),
});
