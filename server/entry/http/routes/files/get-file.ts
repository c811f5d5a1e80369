import { Type } from '@sinclair/typebox';
import { getFile } from '../../../../app/files/get-file.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';

/** RFC 6266 / 5987: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export const getFileRoute = defineRoute({
  method: 'GET',
  url: '/api/files/:id',
  summary: 'Download a file of the own agency (another agency’s file: 404); always as an attachment',
  tags: ['files'],
  auth: { kind: 'permission', permission: 'file.read' },
  schema: { params: IdParams, response: { 200: Type.String({ format: 'binary' }) } },
  handler: async ({ deps, actor, params, reply }) => {
    const { file, content } = await getFile({ uow: deps.uow, files: deps.files }, actor, params.id);
    reply
      .header('content-type', file.mediaType)
      .header('content-length', String(file.size))
      .header('content-disposition', contentDisposition(file.originalName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store');
    return reply.send(content);
  },
});
