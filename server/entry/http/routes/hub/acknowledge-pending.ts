import { Type } from '@sinclair/typebox';
import { acknowledgePackage } from '../../../../app/hub/acknowledge-package.ts';
import { bearerToken, hubDepsOf } from '../../../hub/hub-deps.ts';
import { defineRoute } from '../../route.ts';
import { peerRateLimit } from './schemas.ts';

export const acknowledgePending = defineRoute({
  method: 'POST',
  url: '/api/hub/acknowledgements',
  summary: 'A peer that pulled a package acknowledges it (accepted, duplicate, or refused with its code)',
  tags: ['hub-peer'],
  auth: { kind: 'public', why: 'called by peer hubs with their bearer token; a peer can only settle deliveries routed to it' },
  rateLimitPerMinute: peerRateLimit,
  schema: {
    body: Type.Object({
      packageId: Type.String({ minLength: 1, maxLength: 200 }),
      result: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate'), Type.Literal('refused')]),
      sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
      receiverCode: Type.Optional(Type.String({ maxLength: 35 })),
      code: Type.Optional(Type.String({ maxLength: 100 })),
      message: Type.Optional(Type.String({ maxLength: 2000 })),
    }, { additionalProperties: false }),
    response: { 200: Type.Object({ state: Type.String() }) },
  },
  handler: async ({ deps, req, body }) => acknowledgePackage(hubDepsOf(deps), { token: bearerToken(req.headers.authorization), ack: body }),
});
