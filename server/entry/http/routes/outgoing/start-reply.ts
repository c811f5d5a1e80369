import { Type } from '@sinclair/typebox';
import { startReply } from '../../../../app/outgoing/start-reply.ts';
import { outgoingDepsOf } from '../../../outgoing/outgoing-deps.ts';
import { defineRoute } from '../../route.ts';
import { DocumentBody, presentDocument } from './outgoing-schemas.ts';

export const startReplyRoute = defineRoute({
  method: 'POST',
  url: '/api/outgoing/replies',
  summary: 'Start a reply to an incoming document: a draft linked to it (ResponseFor when issued) and addressed to its sender',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'draft.create' },
  schema: { body: Type.Object({ incomingId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), response: { 201: DocumentBody } },
  handler: async ({ deps, actor, body, reply }) => {
    const doc = await startReply(outgoingDepsOf(deps), actor, body.incomingId);
    reply.status(201);
    return presentDocument(doc);
  },
});
