import { Type } from '@sinclair/typebox';
import { suggestDocuments } from '../../../../app/search/suggest-documents.ts';
import { defineRoute } from '../../route.ts';
import { SuggestionBody } from './search-schemas.ts';

export const suggestDocumentsRoute = defineRoute({
  method: 'GET',
  url: '/api/search/suggest',
  summary: 'Suggestions as the caller types: subject or number/notation holding every word, the last as a prefix',
  tags: ['search'],
  auth: { kind: 'session' },
  schema: {
    querystring: Type.Object({
      q: Type.String({ maxLength: 300 }),
      agencyId: Type.Optional(Type.String({ format: 'uuid' })),
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    }, { additionalProperties: false }),
    response: { 200: Type.Object({ items: Type.Array(SuggestionBody) }) },
  },
  handler: async ({ deps, actor, query }) => ({
    items: await deps.uow.run((tx) =>
      suggestDocuments(tx, actor, {
        q: query.q,
        ...(query.agencyId !== undefined && { agencyId: query.agencyId }),
        ...(query.limit !== undefined && { limit: query.limit }),
      }),
    ),
  }),
});
