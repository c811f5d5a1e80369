import { updateDraft } from '../../../../app/outgoing/update-draft.ts';
import { outgoingDepsOf } from '../../../outgoing/outgoing-deps.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { DocumentBody, DraftBody, presentDocument } from './outgoing-schemas.ts';

export const updateDraftRoute = defineRoute({
  method: 'PUT',
  url: '/api/outgoing/:id',
  summary: 'Revise a draft (its drafter, while drafting or returned): a new version is kept beside the earlier ones',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'draft.create' },
  schema: { params: IdParams, body: DraftBody, response: { 200: DocumentBody } },
  handler: async ({ deps, actor, params, body }) => presentDocument(await updateDraft(outgoingDepsOf(deps), actor, params.id, body)),
});
