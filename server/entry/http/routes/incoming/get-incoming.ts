import { getIncomingDocument } from '../../../../app/incoming/get-incoming-document.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DetailBody, presentDetail } from './incoming-schemas.ts';

export const getIncomingRoute = defineRoute({
  method: 'GET',
  url: '/api/incoming/:id',
  summary: 'One incoming document with its files (signature results), assignments, history and extensions, and what the caller may do',
  tags: ['incoming'],
  auth: { kind: 'session' },
  schema: { params: IdParams, response: { 200: DetailBody } },
  handler: async ({ deps, actor, params }) => presentDetail(await deps.uow.run((tx) => getIncomingDocument(tx, actor, params.id, deps.clock.now()))),
});
