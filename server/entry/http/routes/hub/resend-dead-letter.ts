import { resendDeadLetter as resend } from '../../../../app/hub/resend-dead-letter.ts';
import { IdParams } from '../../schemas.ts';
import { defineRoute } from '../../route.ts';
import { DeliveryBody, iso } from './schemas.ts';

export const resendDeadLetter = defineRoute({
  method: 'POST',
  url: '/api/hub/dead-letters/:id/resend',
  summary: 'Resend a dead letter: same package id and bytes, new attempt series',
  tags: ['hub'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: { params: IdParams, response: { 200: DeliveryBody } },
  handler: async ({ deps, actor, params }) => {
    const d = await deps.uow.run((tx) => resend(tx, { clock: deps.clock }, actor, params.id));
    return {
      ...d, nextAttemptAt: d.nextAttemptAt.toISOString(), deliveredAt: iso(d.deliveredAt), expiresAt: d.expiresAt.toISOString(),
    };
  },
});
