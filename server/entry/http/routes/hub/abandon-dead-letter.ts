import { Type } from '@sinclair/typebox';
import { abandonDeadLetter as abandon } from '../../../../app/hub/abandon-dead-letter.ts';
import { IdParams } from '../../schemas.ts';
import { defineRoute } from '../../route.ts';
import { DeliveryBody, iso } from './schemas.ts';

export const abandonDeadLetter = defineRoute({
  method: 'POST',
  url: '/api/hub/dead-letters/:id/abandon',
  summary: 'Abandon a dead letter with a reason the sender sees; the delivery is kept (state abandoned), audited',
  tags: ['hub'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: {
    params: IdParams,
    body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
    response: { 200: DeliveryBody },
  },
  handler: async ({ deps, actor, params, body }) => {
    const d = await deps.uow.run((tx) => abandon(tx, { clock: deps.clock, nodeName: deps.config.hub.nodeName }, actor, params.id, body));
    return { ...d, nextAttemptAt: d.nextAttemptAt.toISOString(), deliveredAt: iso(d.deliveredAt), expiresAt: d.expiresAt.toISOString() };
  },
});
