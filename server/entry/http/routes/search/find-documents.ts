import { Type } from '@sinclair/typebox';
import { findDocuments } from '../../../../app/search/find-documents.ts';
import { defineRoute } from '../../route.ts';
import { SearchQuerystring, SearchResultBody } from './search-schemas.ts';

export const findDocumentsRoute = defineRoute({
  method: 'GET',
  url: '/api/search',
  summary: 'Search the documents the caller may see (accent-insensitive, ranked, highlighted snippets, filters)',
  tags: ['search'],
  // document.search in the agency searched, and the entries' reader keys: the use case decides.
  auth: { kind: 'session' },
  schema: {
    querystring: SearchQuerystring,
    response: {
      200: Type.Object({
        items: Type.Array(SearchResultBody),
        total: Type.Integer(),
        totalCapped: Type.Boolean({ description: 'more documents match than a search ranks; total is then a lower bound' }),
        page: Type.Integer(),
        pageSize: Type.Integer(),
      }),
    },
  },
  handler: async ({ deps, actor, query }) =>
    deps.uow.run((tx) =>
      findDocuments(tx, actor, {
        ...(query.q !== undefined && { q: query.q }),
        ...(query.agencyId !== undefined && { agencyId: query.agencyId }),
        ...(query.kind !== undefined && { kind: query.kind }),
        ...(query.type !== undefined && { typeCode: query.type }),
        ...(query.issuedFrom !== undefined && { issuedFrom: query.issuedFrom }),
        ...(query.issuedTo !== undefined && { issuedTo: query.issuedTo }),
        ...(query.organ !== undefined && { organ: query.organ }),
        ...(query.register !== undefined && { registerId: query.register }),
        ...(query.status !== undefined && { status: query.status }),
        ...(query.signer !== undefined && { signer: query.signer }),
        ...(query.urgency !== undefined && { urgency: query.urgency }),
        ...(query.page !== undefined && { page: query.page }),
        ...(query.pageSize !== undefined && { pageSize: query.pageSize }),
      }),
    ),
});
