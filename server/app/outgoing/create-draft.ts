import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import { assertCan } from './outgoing-access.ts';
import { checkDraft, versionFields, type DraftInput } from './draft-input.ts';
import { putBytes, readBytes, recordProducedFile } from './file-bytes.ts';
import type { OutgoingDeps } from './outgoing-deps.ts';
import { indexOutgoing } from './outgoing-index.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A DOCX main file becomes its PDF (LibreOffice), before the draft's transaction; without
 * LibreOffice the draft is refused with a sentence saying so. Other files pass unchanged.
 */
export async function prepareMainFile(deps: Pick<OutgoingDeps, 'uow' | 'files' | 'converter'>, actor: Actor, agencyId: string, fileId: string | null | undefined): Promise<string | null | undefined> {
  if (!fileId) return fileId;
  const file = await deps.uow.run((tx) => tx.files.findById(fileId));
  if (!file || file.agencyId !== agencyId) throw notFound('Tệp');
  if (file.mediaType !== DOCX) return fileId;
  if (!(await deps.converter.available())) {
    throw new AppError(
      ErrorCode.OUTGOING_CONVERSION_UNAVAILABLE,
      'Máy chủ chưa cài LibreOffice nên không chuyển được tệp DOCX sang PDF. Hãy tải lên văn bản chính dạng PDF.',
      { field: 'mainFileId' },
    );
  }
  const pdf = await deps.converter.docxToPdf(await readBytes(deps.files, file.sha256));
  const stored = await putBytes(deps.files, pdf);
  const name = file.originalName.replace(/\.docx$/i, '') + '.pdf';
  const converted = await deps.uow.run((tx) => recordProducedFile(tx, stored, { agencyId, userId: actor.userId, actorAgencyId: actor.agencyId }, name));
  return converted.id;
}

/** Starts a draft in the actor's agency (or one it serves); version 1 is kept. */
export async function createDraft(deps: OutgoingDeps, actor: Actor, input: DraftInput & { agencyId?: string }): Promise<OutgoingDocumentRecord> {
  const agencyId = input.agencyId ?? actor.agencyId;
  assertCan(actor, agencyId, 'draft.create', 'Bạn không có quyền soạn thảo văn bản đi.');
  const mainFileId = await prepareMainFile(deps, actor, agencyId, input.mainFileId);
  return deps.uow.run(async (tx) => {
    const d = await checkDraft(tx, actor, agencyId, { ...input, mainFileId });
    const now = deps.clock.now();
    const doc = await tx.outgoing.create({
      agencyId, state: 'drafting', typeCode: d.typeCode, subject: d.subject, urgency: d.urgency, draftingUnitId: d.draftingUnitId, drafterId: actor.userId,
      signerId: d.signerId, signerCapacity: d.signerCapacity, toPlaces: d.toPlaces, replyBy: d.replyBy, copies: d.copies,
      responseForIncomingId: d.responseForIncomingId, replacesDocumentId: d.replacesDocumentId, mainFileId: d.mainFileId, attachmentFileIds: d.attachmentFileIds, createdAt: now,
    });
    if (d.signerBox) await tx.outgoing.update(doc.id, { signerBox: d.signerBox });
    await tx.outgoing.replaceRecipients(doc.id, d.recipients);
    await indexOutgoing(tx, doc.id);
    await tx.outgoing.addVersion({ documentId: doc.id, version: 1, fields: versionFields(d, d.recipients), mainFileId: d.mainFileId, attachmentFileIds: d.attachmentFileIds, createdBy: actor.userId, createdAt: now });
    await tx.audit.record({
      type: 'outgoing.draft_created', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId, subjectType: 'outgoing_document', subjectId: doc.id,
      data: { typeCode: d.typeCode, subject: d.subject, recipients: d.recipients.length, version: 1 },
    });
    return d.signerBox ? { ...doc, signerBox: d.signerBox } : doc;
  });
}
