import { Type } from '@sinclair/typebox';
import { registerIncomingDocument } from '../../../../app/incoming/register-incoming-document.ts';
import { incomingDepsOf } from '../../../incoming/incoming-deps.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { IncomingBody, presentIncoming } from './incoming-schemas.ts';

export const registerIncomingRoute = defineRoute({
  method: 'POST',
  url: '/api/incoming/:id/register',
  summary: 'Register an arrival: arrival number from the incoming register (atomic counter), arrival date and time; status 03 to the sender',
  tags: ['incoming'],
  auth: { kind: 'permission', permission: 'incoming.register' },
  schema: {
    params: IdParams,
    body: Type.Object({ registerId: Type.Optional(Type.String({ format: 'uuid' })), notDuplicate: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
    response: { 200: IncomingBody },
  },
  handler: async ({ deps, actor, params, body }) => presentIncoming(await deps.uow.run((tx) => registerIncomingDocument(tx, incomingDepsOf(deps), actor, params.id, body))),
});
