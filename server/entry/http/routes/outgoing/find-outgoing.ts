import { Type } from '@sinclair/typebox';
import { findOutgoing, OUTGOING_VIEWS, type OutgoingView } from '../../../../app/outgoing/find-outgoing.ts';
import { defineRoute } from '../../route.ts';
import { DocumentBody, presentDocument } from './outgoing-schemas.ts';

export const findOutgoingRoute = defineRoute({
  method: 'GET',
  url: '/api/outgoing',
  summary: 'Outgoing documents the caller may see, by work list: mine, reviews, to_sign, to_issue, issued, internal (delivered to the caller’s unit), all',
  tags: ['outgoing'],
  auth: { kind: 'session' },
  schema: {
    querystring: Type.Object({
      agencyId: Type.Optional(Type.String({ format: 'uuid' })),
      view: Type.Optional(Type.Union(OUTGOING_VIEWS.map((v) => Type.Literal(v)))),
    }, { additionalProperties: false }),
    response: { 200: Type.Object({ items: Type.Array(DocumentBody) }) },
  },
  handler: async ({ deps, actor, query }) => {
    const items = await deps.uow.run((tx) => findOutgoing(tx, actor, query.agencyId ?? actor.agencyId, (query.view ?? 'all') as OutgoingView));
    return { items: items.map(presentDocument) };
  },
});
