import { Type } from '@sinclair/typebox';
import { createPaperDocument } from '../../../../app/incoming/create-paper-document.ts';
import { defineRoute } from '../../route.ts';
import { IncomingBody, LocalDate, presentIncoming } from './incoming-schemas.ts';

export const createPaperRoute = defineRoute({
  method: 'POST',
  url: '/api/incoming/paper',
  summary: 'Enter a paper arrival: the scanned PDF (uploaded first to /api/files) and its metadata; channel paper, state arrived',
  tags: ['incoming'],
  auth: { kind: 'permission', permission: 'incoming.register' },
  schema: {
    body: Type.Object({
      agencyId: Type.Optional(Type.String({ format: 'uuid' })),
      fileId: Type.String({ format: 'uuid' }),
      senderName: Type.String({ minLength: 1, maxLength: 300 }),
      codeNumber: Type.String({ minLength: 1, maxLength: 20 }),
      codeNotation: Type.String({ maxLength: 60 }),
      promulgationDate: LocalDate,
      typeName: Type.String({ minLength: 1, maxLength: 100 }),
      subject: Type.String({ minLength: 1, maxLength: 2000 }),
      signerName: Type.Optional(Type.String({ maxLength: 200 })),
      dueDate: Type.Optional(LocalDate),
      urgency: Type.Optional(Type.Union([Type.Literal('normal'), Type.Literal('urgent'), Type.Literal('very_urgent'), Type.Literal('flash')])),
    }, { additionalProperties: false }),
    response: { 201: IncomingBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const doc = await deps.uow.run((tx) => createPaperDocument(tx, deps, actor, { ...body, agencyId: body.agencyId ?? actor.agencyId }));
    reply.status(201);
    return presentIncoming(doc);
  },
});
