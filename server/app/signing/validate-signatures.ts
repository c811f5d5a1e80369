import type { Readable } from 'node:stream';
import type { DocumentValidation } from '../../domain/signature/validation-result.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { can } from '../policies/permissions.ts';
import type { DocumentSigning } from '../ports/document-signing.ts';
import type { FileStore } from '../ports/file-store.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { loadVisible } from '../incoming/incoming-access.ts';

const PDF_MAGIC = '%PDF-';

function assertMayValidate(actor: Actor): void {
  if (!can(actor.roles, 'signature.validate')) throw new AppError(ErrorCode.FORBIDDEN, 'Bạn không có quyền kiểm tra chữ ký số.');
}

/** The signatures of an uploaded PDF (domain.md §10.3): nothing is stored. */
export async function validateUploadedPdf(deps: { signing: DocumentSigning }, actor: Actor, pdf: Uint8Array): Promise<DocumentValidation> {
  assertMayValidate(actor);
  if (pdf.length === 0 || Buffer.from(pdf.subarray(0, 1024)).toString('latin1').indexOf(PDF_MAGIC) < 0) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Tệp gửi lên không phải tệp PDF.', { field: 'body' });
  }
  return deps.signing.validate(pdf);
}

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The signatures of a stored file of the actor's own agency; another agency's file answers like a
 * missing one. The check runs after the transaction (it reads trust material and may fetch CRLs).
 */
export async function validateStoredFile(deps: { uow: UnitOfWork; files: FileStore; signing: DocumentSigning }, actor: Actor, fileId: string): Promise<DocumentValidation> {
  const file = await deps.uow.run(async (tx) => {
    const found = await tx.files.findById(fileId);
    if (!found || found.agencyId !== actor.agencyId) throw notFound('Tệp');
    return found;
  });
  assertMayValidate(actor);
  if (file.mediaType !== 'application/pdf') throw new AppError(ErrorCode.VALIDATION_FAILED, 'Chỉ kiểm tra được chữ ký số trên tệp PDF.', { field: 'id' });
  return deps.signing.validate(await readAll(await deps.files.get(file.sha256)));
}

/**
 * The signatures of a file of an incoming document the actor may see (the same visibility as
 * opening the document); a file of another document, or a document the actor may not see, answers
 * 404. Read-only: unlike a download it records nothing.
 */
export async function validateIncomingFile(
  deps: { uow: UnitOfWork; files: FileStore; signing: DocumentSigning },
  actor: Actor,
  incomingId: string,
  fileId: string,
): Promise<DocumentValidation> {
  const file = await deps.uow.run(async (tx) => {
    const { doc } = await loadVisible(tx, actor, incomingId);
    const found = await tx.incoming.findFile(fileId);
    if (!found || found.incomingId !== doc.id) throw notFound('Tệp');
    return found;
  });
  assertMayValidate(actor);
  if (file.mediaType !== 'application/pdf') throw new AppError(ErrorCode.VALIDATION_FAILED, 'Chỉ kiểm tra được chữ ký số trên tệp PDF.', { field: 'fileId' });
  return deps.signing.validate(await readAll(await deps.files.get(file.sha256)));
}
