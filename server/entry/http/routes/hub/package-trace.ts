import { Type } from '@sinclair/typebox';
import { getPackageTrace } from '../../../../app/hub/get-package-trace.ts';
import { defineRoute } from '../../route.ts';
import { DeliveryBody, iso } from './schemas.ts';

const Text = Type.Union([Type.String(), Type.Null()]);

export const packageTrace = defineRoute({
  method: 'GET',
  url: '/api/hub/packages/:id/trace',
  summary: 'The hash-chained trace of one package (every hop) and the state of each delivery',
  tags: ['hub'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: {
    params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }),
    response: {
      200: Type.Object({
        events: Type.Array(Type.Object({
          seq: Type.Integer(), occurredAt: Type.String(), kind: Type.String(), packageId: Type.String(), documentId: Text, fromNode: Text, toNode: Text,
          packageSha256: Text, errorCode: Text, errorOrigin: Text, data: Type.Unknown(), prevHash: Type.String(), hash: Type.String(),
        })),
        deliveries: Type.Array(DeliveryBody),
      }),
    },
  },
  handler: async ({ deps, actor, params }) => {
    const t = await deps.uow.run((tx) => getPackageTrace(tx, actor, params.id));
    return {
      events: t.events,
      deliveries: t.deliveries.map((d) => ({ ...d, nextAttemptAt: d.nextAttemptAt.toISOString(), deliveredAt: iso(d.deliveredAt), expiresAt: d.expiresAt.toISOString() })),
    };
  },
});
