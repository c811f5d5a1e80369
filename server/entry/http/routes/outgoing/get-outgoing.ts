import { getOutgoing } from '../../../../app/outgoing/find-outgoing.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DetailBody, presentDetail } from './outgoing-schemas.ts';

export const getOutgoingRoute = defineRoute({
  method: 'GET',
  url: '/api/outgoing/:id',
  summary: 'One outgoing document with its recipients, every version and the review history (who, what, when)',
  tags: ['outgoing'],
  auth: { kind: 'session' },
  schema: { params: IdParams, response: { 200: DetailBody } },
  handler: async ({ deps, actor, params }) => presentDetail(await deps.uow.run((tx) => getOutgoing(tx, actor, params.id))),
});
