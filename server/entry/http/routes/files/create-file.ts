import type { Readable } from 'node:stream';
import { AppError, ErrorCode } from '../../../../app/errors.ts';
import { createFile } from '../../../../app/files/create-file.ts';
import { mediaTypeOfName } from '../../../../adapters/storage/sniff.ts';
import { defineRoute } from '../../route.ts';
import { FileBody, presentFile } from './file-schemas.ts';

/** Browsers send non-ASCII names percent-encoded; a raw UTF-8 header arrives read as Latin-1. */
export function decodeFileName(header: string): string {
  if (/%[0-9a-f]{2}/i.test(header)) {
    try {
      return decodeURIComponent(header);
    } catch {
      return header;
    }
  }
  const utf8 = Buffer.from(header, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? header : utf8;
}

export const createFileRoute = defineRoute({
  method: 'POST',
  url: '/api/files',
  summary: 'Upload one file as the raw request body (name in the x-file-name header); the content is sniffed: PDF, DOCX, XLSX, ZIP, PNG, JPEG or XML only',
  tags: ['files'],
  auth: { kind: 'permission', permission: 'file.upload' },
  streamBody: true,
  schema: { response: { 201: FileBody } },
  handler: async ({ deps, req, reply, actor }) => {
    const maxBytes = deps.config.fileStore.maxUploadBytes;
    const declaredLength = Number(req.headers['content-length'] ?? NaN);
    // Refuse an announced oversize body before reading a byte of it.
    if (declaredLength > maxBytes) {
      throw new AppError(ErrorCode.FILE_TOO_LARGE, `Tệp vượt quá dung lượng cho phép (${Math.floor(maxBytes / 1048576)} MB).`, { maxBytes });
    }
    const source = req.body as Readable | undefined;
    if (!source || typeof source.pipe !== 'function') throw new AppError(ErrorCode.VALIDATION_FAILED, 'Thiếu nội dung tệp.');
    const rawName = req.headers['x-file-name'];
    const originalName = typeof rawName === 'string' ? decodeFileName(rawName) : '';
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const declaredType = contentType !== '' && contentType !== 'application/octet-stream' ? contentType : mediaTypeOfName(originalName);
    const file = await createFile({ uow: deps.uow, files: deps.files }, actor, { source, originalName, declaredType, maxBytes });
    reply.status(201);
    return presentFile(file);
  },
});
