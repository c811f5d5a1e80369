import { Type } from '@sinclair/typebox';
import { findDeadLetters } from '../../../../app/hub/find-dead-letters.ts';
import { defineRoute } from '../../route.ts';
import { iso } from './schemas.ts';

const Text = Type.Union([Type.String(), Type.Null()]);

export const deadLetters = defineRoute({
  method: 'GET',
  url: '/api/hub/dead-letters',
  summary: 'Dead letters: deliveries that stopped, with code, origin and attempts',
  tags: ['hub'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: {
    querystring: Type.Object({
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
      offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
    }, { additionalProperties: false }),
    response: {
      200: Type.Object({
        total: Type.Integer(),
        items: Type.Array(Type.Object({
          deliveryId: Type.String(), packageId: Type.String(), documentId: Text, kind: Type.String(), senderCode: Type.String(), receiverCode: Type.String(),
          code: Text, origin: Text, message: Text, attempts: Type.Integer(), firstAttemptAt: Text, lastAttemptAt: Text, createdAt: Type.String(),
        })),
      }),
    },
  },
  handler: async ({ deps, actor, query }) => {
    const page = await deps.uow.run((tx) => findDeadLetters(tx, actor, { limit: query.limit ?? 50, offset: query.offset ?? 0 }));
    return {
      total: page.total,
      items: page.items.map((d) => ({ ...d, firstAttemptAt: iso(d.firstAttemptAt), lastAttemptAt: iso(d.lastAttemptAt), createdAt: d.createdAt.toISOString() })),
    };
  },
});
