import { Type } from '@sinclair/typebox';
import { resendDelivery } from '../../../../app/outgoing/resend-delivery.ts';
import { defineRoute } from '../../route.ts';
import { Ok } from '../../schemas.ts';

export const resendDeliveryRoute = defineRoute({
  method: 'POST',
  url: '/api/outgoing/:id/recipients/:recipientId/resend',
  summary: 'The clerk resends an issued document to one recipient whose delivery failed (same package, new attempts)',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'document.send' },
  schema: {
    params: Type.Object({ id: Type.String({ format: 'uuid' }), recipientId: Type.String({ format: 'uuid' }) }),
    body: Type.Optional(Type.Object({}, { additionalProperties: false })),
    response: { 200: Ok },
  },
  handler: async ({ deps, actor, params }) => {
    await deps.uow.run((tx) => resendDelivery(tx, { clock: deps.clock }, actor, params.id, params.recipientId));
    return { ok: true as const };
  },
});
