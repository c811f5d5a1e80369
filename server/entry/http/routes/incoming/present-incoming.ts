import { Type } from '@sinclair/typebox';
import { forwardIncomingDocument } from '../../../../app/incoming/forward-incoming-document.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { IncomingBody, presentIncoming } from './incoming-schemas.ts';

export const presentIncomingRoute = defineRoute({
  method: 'POST',
  url: '/api/incoming/:id/present',
  summary: 'Present a registered document to a leader or deputy for direction',
  tags: ['incoming'],
  auth: { kind: 'permission', permission: 'incoming.present' },
  schema: { params: IdParams, body: Type.Object({ leaderUserId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), response: { 200: IncomingBody } },
  handler: async ({ deps, actor, params, body }) => presentIncoming(await deps.uow.run((tx) => forwardIncomingDocument(tx, deps, actor, params.id, body))),
});
