import { Type } from '@sinclair/typebox';
import { updateIssuedDocument } from '../../../../app/outgoing/update-issued.ts';
import { outgoingDepsOf } from '../../../outgoing/outgoing-deps.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DocumentBody, presentDocument } from './outgoing-schemas.ts';

export const updateIssuedRoute = defineRoute({
  method: 'POST',
  url: '/api/outgoing/:id/update',
  summary: 'A leader updates an issued document (business type 2): changed metadata or added recipients, with a reason; recipients answer 15/16',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'document.recall' },
  schema: {
    params: IdParams,
    body: Type.Object({
      reason: Type.String({ maxLength: 1000 }),
      subject: Type.Optional(Type.String({ maxLength: 500 })),
      urgency: Type.Optional(Type.String({ maxLength: 20 })),
      replyBy: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
      toPlaces: Type.Optional(Type.String({ maxLength: 1000 })),
      addRecipientAgencyIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500 })),
    }, { additionalProperties: false }),
    response: { 200: DocumentBody },
  },
  handler: async ({ deps, actor, params, body }) => presentDocument(await updateIssuedDocument(outgoingDepsOf(deps), actor, params.id, body)),
});
