import { Type } from '@sinclair/typebox';
import { approveDraft } from '../../../../app/outgoing/approve-draft.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DocumentBody, presentDocument } from './outgoing-schemas.ts';

export const approveDraftRoute = defineRoute({
  method: 'POST',
  url: '/api/outgoing/:id/approve',
  summary: 'The reviewer of the current step approves the draft (optional comment)',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'draft.review' },
  schema: { params: IdParams, body: Type.Object({ comment: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }), response: { 200: DocumentBody } },
  handler: async ({ deps, actor, params, body }) => presentDocument(await deps.uow.run((tx) => approveDraft(tx, { clock: deps.clock }, actor, params.id, body.comment))),
});
