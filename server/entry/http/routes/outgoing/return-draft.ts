import { Type } from '@sinclair/typebox';
import { returnDraft } from '../../../../app/outgoing/return-draft.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DocumentBody, presentDocument } from './outgoing-schemas.ts';

export const returnDraftRoute = defineRoute({
  method: 'POST',
  url: '/api/outgoing/:id/return',
  summary: 'The current reviewer or the signer returns the draft to its drafter with a comment; the clerk returns a signed, unissued document on its form',
  tags: ['outgoing'],
  auth: { kind: 'session' },
  schema: { params: IdParams, body: Type.Object({ comment: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }), response: { 200: DocumentBody } },
  handler: async ({ deps, actor, params, body }) => presentDocument(await deps.uow.run((tx) => returnDraft(tx, { clock: deps.clock }, actor, params.id, body.comment))),
});
