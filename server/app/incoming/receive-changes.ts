/**
 * Received business operations other than a plain new document (exchange.md §2.8), inside the
 * arrival's transaction: a revocation (type 1) or update (type 2) opens a change request on the
 * document it names — nothing is applied without the clerk — or is parked for one TTL when that
 * document is unknown; a replacement (type 3), registered as new, opens one on each replaced
 * document naming this organ; a second type 0 package for a known DocumentId is linked to the first
 * and warns the clerk, unless the first ended in 02 or was revoked.
 */
import type { ChangeMetadata, ChangeRequestKind, ChangeRequestRecord } from '../ports/incoming-changes.ts';
import type { IncomingRecord, PendingArrival } from '../ports/incoming.ts';
import type { ParsedArrival } from '../ports/incoming-package-parser.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { urgencyFromPriority } from '../../domain/document/urgency.ts';
import { notifyUsers } from './notify.ts';

/** Parked change requests wait one delivery TTL (exchange.md §4.4: 72 hours). */
export const CHANGE_PARK_MS = 72 * 3600_000;

export const CHANGE_KIND_LABEL: Record<ChangeRequestKind, string> = { revoke: 'Thu hồi', update: 'Cập nhật', replace: 'Thay thế' };

/** A document that ended so that the same DocumentId may arrive again as new. */
const ENDED_FOR_RESEND = ['refused', 'cancelled'];
/** States a change request can still act on. */
const CHANGEABLE = ['arrived', 'registered', 'awaiting_direction', 'assigned', 'in_progress', 'finished', 'filed_for_information'];

function metadataOf(p: ParsedArrival): ChangeMetadata {
  const u = urgencyFromPriority(p.priority);
  return {
    subject: p.subject, codeNumber: p.codeNumber, codeNotation: p.codeNotation, promulgationDate: p.promulgationDate, typeName: p.typeName,
    signerName: p.signerName, dueDate: p.dueDate, urgency: u.ok ? u.urgency : 'normal',
  };
}

async function announce(tx: TxPorts, cr: ChangeRequestRecord, doc: IncomingRecord, at: Date): Promise<void> {
  await tx.incoming.insertEvent({
    incomingId: doc.id, agencyId: doc.agencyId, assignmentId: null, kind: 'change_requested', actorUserId: null, onBehalfOf: null,
    text: cr.reason, data: { changeRequestId: cr.id, kind: cr.kind, packageId: cr.packageId, replacementId: cr.replacementId }, occurredAt: at,
  });
  const clerks = await tx.notifications.usersWithRole(doc.agencyId, 'clerk');
  await notifyUsers(tx, clerks.map((c) => c.id), {
    agencyId: doc.agencyId, kind: 'incoming.change_requested', title: `${CHANGE_KIND_LABEL[cr.kind]} văn bản: ${doc.subject}`, body: cr.reason ?? '', incomingId: doc.id, at,
  });
}

type ChangeSource = Pick<PendingArrival, 'agencyId' | 'inboxId' | 'packageId' | 'senderCode' | 'receivedAt'>;

async function open(tx: TxPorts, arrival: ChangeSource, r: { kind: ChangeRequestKind; target: string; reason: string | null; metadata: ChangeMetadata | null; replacementId: string | null }, at: Date): Promise<ChangeRequestRecord> {
  const doc = await tx.incoming.findByDocumentId(arrival.agencyId, r.target, CHANGEABLE);
  const cr = await tx.changeRequests.insert({
    agencyId: arrival.agencyId, inboxId: arrival.inboxId, packageId: arrival.packageId, kind: r.kind, targetDocumentId: r.target, incomingId: doc?.id ?? null,
    replacementId: r.replacementId, senderCode: arrival.senderCode, reason: r.reason, metadata: r.metadata, state: doc ? 'open' : 'parked',
    receivedAt: arrival.receivedAt, parkUntil: new Date(arrival.receivedAt.getTime() + CHANGE_PARK_MS),
  });
  await tx.audit.record({
    type: 'incoming.change_received', actorUserId: null, actorAgencyId: null, agencyId: arrival.agencyId, subjectType: 'incoming_change_request', subjectId: cr.id,
    data: { kind: r.kind, target: r.target, packageId: arrival.packageId, state: cr.state, incomingId: cr.incomingId },
  });
  if (doc) await announce(tx, cr, doc, at);
  return cr;
}

/**
 * A type 1 or 2 package. Returns `new-arrival` when a type 2 lists this organ with ReceiverType 1
 * and the document is unknown here (it then arrives as a new document); otherwise it is handled.
 */
export async function receiveChangePackage(tx: TxPorts, arrival: PendingArrival, parsed: ParsedArrival, at: Date): Promise<'handled' | 'new-arrival'> {
  const target = parsed.changeTarget ?? parsed.documentId;
  let kind: ChangeRequestKind = parsed.businessType === '1' ? 'revoke' : 'update';
  if (kind === 'update') {
    const listed = parsed.changeReceivers.find((r) => r.organId === arrival.receiverCode);
    const known = await tx.incoming.findByDocumentId(arrival.agencyId, target);
    if (listed?.receiverType === '1' && !known) return 'new-arrival';
    if (listed?.receiverType === '0') kind = 'revoke';
  }
  await open(tx, arrival, { kind, target, reason: parsed.changeReason, metadata: kind === 'update' ? metadataOf(parsed) : null, replacementId: null }, at);
  return 'handled';
}

/** Type 3, after the new document was created: a change request per replaced DocumentId naming this organ. */
export async function openReplacements(tx: TxPorts, arrival: PendingArrival, parsed: ParsedArrival, replacement: IncomingRecord, at: Date): Promise<void> {
  for (const r of parsed.replaces) {
    if (!r.organIds.includes(arrival.receiverCode)) continue;
    await open(tx, arrival, { kind: 'replace', target: r.documentId, reason: parsed.changeReason, metadata: null, replacementId: replacement.id }, at);
  }
}

/**
 * A status `13` (Lấy lại, recall request) from the issuer of a document this organ received
 * (exchange.md C44): the same change request as a type 1 package, parked while the document is
 * unknown here. One from another organ than the document's sender is not applied (false).
 */
export async function receiveRecallStatus(tx: TxPorts, arrival: ChangeSource, target: string, reason: string | null, at: Date): Promise<boolean> {
  const known = await tx.incoming.findByDocumentId(arrival.agencyId, target);
  if (known?.senderCode && known.senderCode !== arrival.senderCode) return false;
  await open(tx, arrival, { kind: 'revoke', target, reason, metadata: null, replacementId: null }, at);
  return true;
}

/** Parked requests for a document that has now arrived (within the TTL) are opened on it. */
export async function openParked(tx: TxPorts, doc: IncomingRecord, at: Date): Promise<void> {
  if (!doc.documentId) return;
  for (const cr of await tx.changeRequests.findParked(doc.agencyId, doc.documentId, at)) {
    await tx.changeRequests.update(cr.id, { state: 'open', incomingId: doc.id });
    await announce(tx, { ...cr, state: 'open', incomingId: doc.id }, doc, at);
  }
}

/**
 * A type 0 package naming a DocumentId the organ already holds: no second document; the first is
 * warned. Returns false when it should arrive as new (unknown, or the first ended in 02 or was revoked).
 */
export async function linkBusinessDuplicate(tx: TxPorts, arrival: PendingArrival, documentId: string, at: Date): Promise<boolean> {
  const first = await tx.incoming.findByDocumentId(arrival.agencyId, documentId);
  if (!first || ENDED_FOR_RESEND.includes(first.state)) return false;
  const warning = `Nhận lại văn bản này trong một gói tin khác (${arrival.packageId}); không tạo văn bản đến mới.`;
  await tx.incoming.update(first.id, { warnings: [...first.warnings, warning] });
  await tx.incoming.insertEvent({
    incomingId: first.id, agencyId: first.agencyId, assignmentId: null, kind: 'duplicate_package', actorUserId: null, onBehalfOf: null, text: warning,
    data: { packageId: arrival.packageId, inboxId: arrival.inboxId }, occurredAt: at,
  });
  await tx.audit.record({
    type: 'incoming.duplicate_package', actorUserId: null, actorAgencyId: null, agencyId: first.agencyId, subjectType: 'incoming_document', subjectId: first.id,
    data: { packageId: arrival.packageId, documentId },
  });
  const clerks = await tx.notifications.usersWithRole(first.agencyId, 'clerk');
  await notifyUsers(tx, clerks.map((c) => c.id), { agencyId: first.agencyId, kind: 'incoming.duplicate_package', title: `Nhận trùng văn bản: ${first.subject}`, body: warning, incomingId: first.id, at });
  return true;
}

/** Parked requests past their TTL become unmatched, shown to the clerks. */
export async function expireParkedChanges(tx: TxPorts, now: Date): Promise<number> {
  const expired = await tx.changeRequests.expireParked(now);
  for (const cr of expired) {
    const clerks = await tx.notifications.usersWithRole(cr.agencyId, 'clerk');
    await notifyUsers(tx, clerks.map((c) => c.id), {
      agencyId: cr.agencyId, kind: 'incoming.change_unmatched', title: `${CHANGE_KIND_LABEL[cr.kind]} văn bản chưa nhận được: ${cr.targetDocumentId}`, body: cr.reason ?? '', at: now,
    });
  }
  return expired.length;
}
