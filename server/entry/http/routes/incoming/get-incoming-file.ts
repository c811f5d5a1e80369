import { Type } from '@sinclair/typebox';
import { getIncomingFile } from '../../../../app/incoming/get-incoming-file.ts';
import { defineRoute } from '../../route.ts';
import { contentDisposition } from '../files/get-file.ts';

export const getIncomingFileRoute = defineRoute({
  method: 'GET',
  url: '/api/incoming/:id/files/:fileId',
  summary: 'Download an attachment or working file of an incoming document the caller may see (logged)',
  tags: ['incoming'],
  auth: { kind: 'session' },
  schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }), fileId: Type.String({ format: 'uuid' }) }), response: { 200: Type.String({ format: 'binary' }) } },
  handler: async ({ deps, actor, params, reply }) => {
    const file = await deps.uow.run((tx) => getIncomingFile(tx, actor, params.id, params.fileId));
    const content = await deps.files.get(file.sha256);
    reply.header('content-type', file.mediaType).header('content-length', String(file.size)).header('content-disposition', contentDisposition(file.name))
      .header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store');
    return reply.send(content);
  },
});
