/**
 * A paper arrival (domain.md §8.7): the clerk uploads the scan (PDF, through /api/files) and enters
 * the metadata; the document starts `arrived` on channel `paper` and is registered in the same series.
 */
import { isLocalDate } from '../../domain/calendar/vietnam-time.ts';
import { isUrgency } from '../../domain/document/urgency.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { IncomingRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { IncomingTxDeps } from './incoming-deps.ts';
import { requirePermission, rolesOrNotFound, validationError } from './incoming-access.ts';
import { indexIncoming } from './search-entry.ts';

export interface PaperDocumentInput {
  agencyId: string;
  fileId: string;
  senderName: string;
  codeNumber: string;
  codeNotation: string;
  promulgationDate: string;
  typeName: string;
  subject: string;
  signerName?: string;
  dueDate?: string;
  urgency?: string;
}

export async function createPaperDocument(tx: TxPorts, deps: Pick<IncomingTxDeps, 'clock'>, actor: Actor, input: PaperDocumentInput): Promise<IncomingRecord> {
  const roles = rolesOrNotFound(actor, input.agencyId, 'Cơ quan');
  requirePermission(roles, 'incoming.register', 'Chỉ văn thư được nhập văn bản giấy.');
  const file = await tx.files.findById(input.fileId);
  if (!file || file.agencyId !== input.agencyId) throw notFound('Tệp');
  if (file.mediaType !== 'application/pdf') throw validationError('Bản quét văn bản giấy phải là tệp PDF.', 'fileId');
  for (const [field, value, label] of [['senderName', input.senderName, 'cơ quan ban hành'], ['subject', input.subject, 'trích yếu'], ['codeNumber', input.codeNumber, 'số'], ['typeName', input.typeName, 'loại văn bản']] as const) {
    if (!value.trim()) throw validationError(`Thiếu ${label}.`, field);
  }
  if (!isLocalDate(input.promulgationDate)) throw validationError('Ngày văn bản phải có dạng YYYY-MM-DD.', 'promulgationDate');
  if (input.dueDate && !isLocalDate(input.dueDate)) throw validationError('Hạn trả lời phải có dạng YYYY-MM-DD.', 'dueDate');
  if (input.urgency && !isUrgency(input.urgency)) throw validationError('Độ khẩn không hợp lệ.', 'urgency');
  const now = deps.clock.now();
  const senderName = input.senderName.trim();
  const duplicate = await tx.incoming.findDuplicate(input.agencyId, {
    documentId: null, senderKey: senderName, codeNumber: input.codeNumber.trim(), codeNotation: input.codeNotation.trim(), year: input.promulgationDate.slice(0, 4),
  });
  const doc = await tx.incoming.insert({
    agencyId: input.agencyId, state: 'arrived', channel: 'paper', senderName, codeNumber: input.codeNumber.trim(), codeNotation: input.codeNotation.trim(),
    promulgationDate: input.promulgationDate, typeName: input.typeName.trim(), subject: input.subject.trim(), signerName: input.signerName?.trim() || null,
    dueDate: input.dueDate ?? null, urgency: input.urgency ?? 'normal', receivedAt: now, signatureStatus: 'unsigned', signatureDetails: [], warnings: [],
    duplicateOf: duplicate?.id ?? null, duplicateReason: duplicate?.reason ?? null, createdBy: actor.userId,
  });
  await tx.incoming.insertFile({
    incomingId: doc.id, agencyId: doc.agencyId, role: 'attachment', sha256: file.sha256, size: file.size, mediaType: file.mediaType, name: file.originalName,
    description: 'Bản quét văn bản giấy', signatureStatus: 'unsigned', signatureDetails: null, uploadedBy: actor.userId, assignmentId: null, createdAt: now,
  });
  await tx.incoming.insertEvent({
    incomingId: doc.id, agencyId: doc.agencyId, assignmentId: null, kind: 'paper_entered', actorUserId: actor.userId, onBehalfOf: null, text: null, data: { fileId: file.id }, occurredAt: now,
  });
  await tx.audit.record({
    type: 'incoming.paper_entered', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'incoming_document', subjectId: doc.id,
    data: { fileId: file.id, duplicateOf: doc.duplicateOf },
  });
  await indexIncoming(tx, doc.id);
  return doc;
}
