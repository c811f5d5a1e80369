import { Type } from '@sinclair/typebox';
import { findIncomingDocuments } from '../../../../app/incoming/find-incoming-documents.ts';
import { defineRoute } from '../../route.ts';
import { IncomingBody, presentIncoming } from './incoming-schemas.ts';

export const findIncomingRoute = defineRoute({
  method: 'GET',
  url: '/api/incoming',
  summary: "Incoming documents the caller may see: the clerk's inbox (view=inbox: arrivals not yet registered or refused) or all",
  tags: ['incoming'],
  auth: { kind: 'session' },
  schema: {
    querystring: Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })), view: Type.Optional(Type.Union([Type.Literal('inbox'), Type.Literal('all')])) }, { additionalProperties: false }),
    response: { 200: Type.Object({ items: Type.Array(IncomingBody) }) },
  },
  handler: async ({ deps, actor, query }) => {
    const items = await deps.uow.run((tx) => findIncomingDocuments(tx, actor, query.agencyId ?? actor.agencyId, query.view ?? 'all'));
    return { items: items.map(presentIncoming) };
  },
});
