import { Type } from '@sinclair/typebox';
import { assignIncomingDocument } from '../../../../app/incoming/assign-incoming-document.ts';
import { incomingDepsOf } from '../../../incoming/incoming-deps.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { IncomingBody, LocalDate, presentIncoming } from './incoming-schemas.ts';

const Assignee = Type.Object({ unitId: Type.Optional(Type.String({ format: 'uuid' })), userId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false });

export const directIncomingRoute = defineRoute({
  method: 'POST',
  url: '/api/incoming/:id/direct',
  summary: "Direct a document: instruction, exactly one lead unit or person, coordinating and informed ones, deadline (default per type and urgency, never after the sender's DueDate); or file it for information. Status 04 (or 06)",
  tags: ['incoming'],
  auth: { kind: 'permission', permission: 'incoming.direct' },
  schema: {
    params: IdParams,
    body: Type.Object({
      instruction: Type.String({ maxLength: 4000 }),
      forInformation: Type.Optional(Type.Boolean()),
      lead: Type.Optional(Assignee),
      deadline: Type.Optional(Type.Union([LocalDate, Type.Null()])),
      coordinating: Type.Optional(Type.Array(Type.Object({ unitId: Type.Optional(Type.String({ format: 'uuid' })), userId: Type.Optional(Type.String({ format: 'uuid' })), deadline: Type.Optional(Type.Union([LocalDate, Type.Null()])) }, { additionalProperties: false }), { maxItems: 50 })),
      informed: Type.Optional(Type.Array(Assignee, { maxItems: 50 })),
    }, { additionalProperties: false }),
    response: { 200: IncomingBody },
  },
  handler: async ({ deps, actor, params, body }) => presentIncoming(await deps.uow.run((tx) => assignIncomingDocument(tx, incomingDepsOf(deps), actor, params.id, body))),
});
