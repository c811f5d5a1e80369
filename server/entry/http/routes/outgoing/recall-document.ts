import { Type } from '@sinclair/typebox';
import { recallDocument } from '../../../../app/outgoing/recall-document.ts';
import { outgoingDepsOf } from '../../../outgoing/outgoing-deps.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DocumentBody, presentDocument } from './outgoing-schemas.ts';

export const recallDocumentRoute = defineRoute({
  method: 'POST',
  url: '/api/outgoing/:id/recall',
  summary: 'A leader recalls an issued document with a reason: a recall package (business type 1) goes to every external recipient',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'document.recall' },
  schema: { params: IdParams, body: Type.Object({ reason: Type.String({ maxLength: 1000 }) }, { additionalProperties: false }), response: { 200: DocumentBody } },
  handler: async ({ deps, actor, params, body }) => presentDocument(await recallDocument(outgoingDepsOf(deps), actor, params.id, body.reason)),
});
