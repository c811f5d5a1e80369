import { Type } from '@sinclair/typebox';
import { findPendingPackages } from '../../../../app/hub/acknowledge-package.ts';
import { bearerToken, hubDepsOf } from '../../../hub/hub-deps.ts';
import { defineRoute } from '../../route.ts';
import { peerRateLimit } from './schemas.ts';

export const pendingPackages = defineRoute({
  method: 'GET',
  url: '/api/hub/pending',
  summary: 'A peer that pulls fetches the packages waiting for it (oldest first, order per document kept)',
  tags: ['hub-peer'],
  auth: { kind: 'public', why: 'called by peer hubs with their bearer token; a peer sees only deliveries routed to it' },
  rateLimitPerMinute: peerRateLimit,
  schema: {
    querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })) }, { additionalProperties: false }),
    response: {
      200: Type.Object({
        items: Type.Array(Type.Object({ packageId: Type.String(), kind: Type.String(), receiverCode: Type.String(), sha256: Type.String(), package: Type.String() })),
      }),
    },
  },
  handler: async ({ deps, req, query }) => ({
    items: await findPendingPackages(hubDepsOf(deps), { token: bearerToken(req.headers.authorization), limit: query.limit ?? 20 }),
  }),
});
