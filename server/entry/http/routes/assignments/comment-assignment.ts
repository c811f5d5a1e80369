import { Type } from '@sinclair/typebox';
import { createAssignmentComment } from '../../../../app/incoming/create-assignment-comment.ts';
import { incomingDepsOf } from '../../../incoming/incoming-deps.ts';
import { defineRoute } from '../../route.ts';
import { IdParams, Ok } from '../../schemas.ts';

export const commentAssignmentRoute = defineRoute({
  method: 'POST',
  url: '/api/assignments/:id/comments',
  summary: 'Add a comment (or, on a coordinating assignment, the coordinating opinion); the lead\'s first action sends 05',
  tags: ['assignments'],
  auth: { kind: 'permission', permission: 'assignment.work' },
  schema: { params: IdParams, body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 8000 }) }, { additionalProperties: false }), response: { 200: Ok } },
  handler: async ({ deps, actor, params, body }) => {
    await deps.uow.run((tx) => createAssignmentComment(tx, incomingDepsOf(deps), actor, params.id, body));
    return { ok: true as const };
  },
});
