import { Type } from '@sinclair/typebox';
import { issueDocument } from '../../../../app/outgoing/issue-document.ts';
import { outgoingDepsOf } from '../../../outgoing/outgoing-deps.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DocumentBody, presentDocument } from './outgoing-schemas.ts';

export const issueDocumentRoute = defineRoute({
  method: 'POST',
  url: '/api/outgoing/:id/issue',
  summary: 'The clerk issues a signed document: number, date, organisation signature, register, freeze, package, send (resumes an interrupted run)',
  tags: ['outgoing'],
  auth: { kind: 'session' },
  schema: { params: IdParams, body: Type.Optional(Type.Object({}, { additionalProperties: false })), response: { 200: DocumentBody } },
  handler: async ({ deps, actor, params }) => presentDocument(await issueDocument(outgoingDepsOf(deps), actor, params.id)),
});
