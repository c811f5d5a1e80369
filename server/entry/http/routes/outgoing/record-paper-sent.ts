import { Type } from '@sinclair/typebox';
import { recordPaperSent } from '../../../../app/outgoing/record-paper-sent.ts';
import { defineRoute } from '../../route.ts';
import { presentRecipient, RecipientBody } from './outgoing-schemas.ts';

export const recordPaperSentRoute = defineRoute({
  method: 'POST',
  url: '/api/outgoing/:id/recipients/:recipientId/paper-sent',
  summary: 'The clerk records the master copy of an issued document as posted to a paper recipient (Đã gửi bản giấy), once, with the time',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'document.send' },
  schema: {
    params: Type.Object({ id: Type.String({ format: 'uuid' }), recipientId: Type.String({ format: 'uuid' }) }),
    body: Type.Optional(Type.Object({}, { additionalProperties: false })),
    response: { 200: RecipientBody },
  },
  handler: async ({ deps, actor, params }) => presentRecipient(await deps.uow.run((tx) => recordPaperSent(tx, { clock: deps.clock }, actor, params.id, params.recipientId))),
});
