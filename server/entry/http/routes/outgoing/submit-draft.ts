import { Type } from '@sinclair/typebox';
import { submitDraft } from '../../../../app/outgoing/submit-draft.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DocumentBody, presentDocument } from './outgoing-schemas.ts';

export const submitDraftRoute = defineRoute({
  method: 'POST',
  url: '/api/outgoing/:id/submit',
  summary: "Present a draft for review along the agency's review chain (or straight to its signer)",
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'draft.create' },
  schema: { params: IdParams, body: Type.Optional(Type.Object({}, { additionalProperties: false })), response: { 200: DocumentBody } },
  handler: async ({ deps, actor, params }) => presentDocument(await deps.uow.run((tx) => submitDraft(tx, { clock: deps.clock }, actor, params.id))),
});
