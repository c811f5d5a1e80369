import { Type } from '@sinclair/typebox';
import { signDocument } from '../../../../app/outgoing/sign-document.ts';
import { outgoingDepsOf } from '../../../outgoing/outgoing-deps.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DocumentBody, presentDocument, SignerBoxBody } from './outgoing-schemas.ts';

export const signDocumentRoute = defineRoute({
  method: 'POST',
  url: '/api/outgoing/:id/sign',
  summary: 'The competent signer named on the draft signs the main file with their personal signature',
  tags: ['outgoing'],
  // document.sign is checked by the use case so a clerk gets the sentence that they cannot sign for a leader.
  auth: { kind: 'session' },
  schema: { params: IdParams, body: Type.Optional(Type.Object({ signerBox: Type.Optional(Type.Union([SignerBoxBody, Type.Null()])) }, { additionalProperties: false })), response: { 200: DocumentBody } },
  handler: async ({ deps, actor, params, body }) => presentDocument(await signDocument(outgoingDepsOf(deps), actor, params.id, body?.signerBox === undefined ? {} : { signerBox: body.signerBox })),
});
