import type { Readable } from 'node:stream';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { can } from '../policies/permissions.ts';
import type { FileStore } from '../ports/file-store.ts';
import type { FileRecord } from '../ports/files.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** What an agency may upload: documents, spreadsheets, archives, scans and EDXML. Never executables. */
export const UPLOAD_TYPES: readonly string[] = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/zip',
  'image/png',
  'image/jpeg',
  'application/xml',
];

export interface CreateFileInput {
  source: Readable;
  /** The name the sender gave; only its last path segment is kept. */
  originalName: string;
  declaredType?: string;
  maxBytes: number;
}

/** Keeps the last path segment, without control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return last.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
}

/**
 * Stores an upload for the actor's agency. The bytes go to the store first, outside any
 * transaction (an upload may take minutes); the record and its audit event then commit together.
 * Bytes stored but never recorded are harmless: the store is content-addressed and immutable.
 */
export async function createFile(deps: { uow: UnitOfWork; files: FileStore }, actor: Actor, input: CreateFileInput): Promise<FileRecord> {
  if (!can(actor.roles, 'file.upload')) throw new AppError(ErrorCode.FORBIDDEN, 'Bạn không có quyền tải tệp lên.');
  const originalName = cleanFileName(input.originalName);
  if (originalName === '' || originalName === '.' || originalName === '..') {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Thiếu tên tệp (tiêu đề x-file-name).', { field: 'x-file-name' });
  }
  const stored = await deps.files.put(input.source, { maxBytes: input.maxBytes, allow: UPLOAD_TYPES, declaredType: input.declaredType });
  return deps.uow.run(async (tx) => {
    const file = await tx.files.create({
      agencyId: actor.agencyId,
      sha256: stored.sha256,
      size: stored.size,
      mediaType: stored.mediaType,
      originalName,
      uploadedBy: actor.userId,
    });
    await tx.audit.record({
      type: 'file.stored',
      actorUserId: actor.userId,
      actorAgencyId: actor.agencyId,
      agencyId: actor.agencyId,
      subjectType: 'file',
      subjectId: file.id,
      data: { sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, name: originalName },
    });
    return file;
  });
}
