import { Type } from '@sinclair/typebox';
import { createWorkingFile } from '../../../../app/incoming/create-assignment-comment.ts';
import { incomingDepsOf } from '../../../incoming/incoming-deps.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { FileBody, presentFile } from '../incoming/incoming-schemas.ts';

export const attachWorkingFileRoute = defineRoute({
  method: 'POST',
  url: '/api/assignments/:id/files',
  summary: 'Attach a working file (uploaded first to /api/files) to an assignment',
  tags: ['assignments'],
  auth: { kind: 'permission', permission: 'assignment.work' },
  schema: { params: IdParams, body: Type.Object({ fileId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), response: { 201: FileBody } },
  handler: async ({ deps, actor, params, body, reply }) => {
    const f = await deps.uow.run((tx) => createWorkingFile(tx, incomingDepsOf(deps), actor, params.id, body));
    reply.status(201);
    return presentFile(f);
  },
});
