/**
 * The incoming document's search entry (server/app/search/README.md), written in the caller's
 * transaction after every change to what it holds (state, registration, assignments, metadata).
 * Readers follow domain.md §4.2 as `canSee` applies it: an unregistered or refused arrival is the
 * clerks'; a registered one is the clerks', leaders' and deputies', plus the leader it was
 * presented to and every unit and person it was assigned to (the chain grows the list).
 */
import { localDateOf } from '../../domain/calendar/vietnam-time.ts';
import { DOCUMENT_TYPES } from '../../domain/document/document-types.ts';
import { isUrgency } from '../../domain/document/urgency.ts';
import { documentReaders, readerKey, type ReaderKey } from '../../domain/search/readers.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

const UNREGISTERED = new Set(['arrived', 'refused']);

export async function indexIncoming(tx: TxPorts, incomingId: string): Promise<void> {
  const doc = await tx.incoming.findById(incomingId);
  if (!doc) return;
  const assignments = await tx.assignments.listForDocument(doc.id);
  const registered = !UNREGISTERED.has(doc.state);
  const userIds = [...assignments.map((a) => a.assigneeUserId), doc.presentedTo].filter((u): u is string => u !== null);
  const readers: ReaderKey[] = documentReaders('incoming', {
    registeredOrIssued: registered,
    unitIds: registered ? assignments.map((a) => a.assigneeUnitId).filter((u): u is string => u !== null) : [],
    userIds: registered ? userIds : [],
  });
  if (registered) readers.push(readerKey.role('deputy_leader'));
  const name = doc.typeName.trim().toLowerCase();
  const type = DOCUMENT_TYPES.find((t) => t.name.toLowerCase() === name);
  const files = await tx.incoming.listFiles(doc.id);
  const main = files.find((f) => f.role === 'attachment' && f.mediaType === 'application/pdf');
  await tx.searchIndex.upsert({
    agencyId: doc.agencyId, kind: 'incoming', documentId: doc.id, subject: doc.subject,
    codeNumber: doc.codeNumber || null, codeNotation: doc.codeNotation || null,
    documentType: type ? { code: type.code, name: type.name } : null,
    issuedDate: doc.promulgationDate, arrivalDate: doc.registeredAt ? localDateOf(doc.registeredAt) : null,
    organName: doc.senderName, registerId: doc.registerId, status: doc.state, signerName: doc.signerName,
    urgency: isUrgency(doc.urgency) ? doc.urgency : 'normal', readers: [...new Set(readers)], mainFileSha256: main?.sha256 ?? null,
  });
}
