import { createDraft } from '../../../../app/outgoing/create-draft.ts';
import { outgoingDepsOf } from '../../../outgoing/outgoing-deps.ts';
import { defineRoute } from '../../route.ts';
import { DocumentBody, DraftBody, presentDocument } from './outgoing-schemas.ts';

export const createDraftRoute = defineRoute({
  method: 'POST',
  url: '/api/outgoing',
  summary: 'Start a draft outgoing document (type, abstract, PDF main file, attachments, urgency, signer, recipients); a secrecy level is refused',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'draft.create' },
  schema: { body: DraftBody, response: { 201: DocumentBody } },
  handler: async ({ deps, actor, body, reply }) => {
    const doc = await createDraft(outgoingDepsOf(deps), actor, body);
    reply.status(201);
    return presentDocument(doc);
  },
});
