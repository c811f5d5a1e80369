/**
 * Turns documents the hub delivered into this deployment's inboxes (hub_inbox, kind 'document')
 * into incoming documents (domain.md §8.2 step 1): attachments into the file store, PDF signatures
 * validated, probable duplicates flagged, state `arrived`, status `01` to the sender at once.
 *
 * One arrival per transaction, its inbox row locked (SKIP LOCKED, so several workers share the
 * work): the document, its files, the `01` in the hub's custody and the row marked processed commit
 * together. A crash leaves the row unprocessed and it is taken again; the inbox id is UNIQUE on
 * incoming_documents, so an arrival is never doubled nor lost.
 */
import { urgencyFromPriority } from '../../domain/document/urgency.ts';
import type { DocumentValidation } from '../../domain/signature/validation-result.ts';
import type { PendingArrival, SignatureCheckStatus } from '../ports/incoming.ts';
import type { ParsedArrival } from '../ports/incoming-package-parser.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { readAll } from '../files/read-all.ts';
import type { IncomingRecord } from '../ports/incoming.ts';
import type { IncomingDeps } from './incoming-deps.ts';
import { notifyUsers } from './notify.ts';
import { expireParkedChanges, linkBusinessDuplicate, openParked, openReplacements, receiveChangePackage } from './receive-changes.ts';
import { indexIncoming } from './search-entry.ts';
import { incomingFacts } from './supervision-facts.ts';
import { sendIncomingStatus, STATUS_TEXT } from './send-status.ts';

const STATUS_OF: Record<DocumentValidation['status'], SignatureCheckStatus> = { VALID: 'valid', INVALID: 'invalid', INDETERMINATE: 'indeterminate' };

function fileStatus(v: DocumentValidation): SignatureCheckStatus {
  return v.signatures.length === 0 ? 'unsigned' : STATUS_OF[v.status];
}

/** Worst first: invalid, indeterminate, unsigned, not checked, valid. */
export function overallSignatureStatus(statuses: readonly SignatureCheckStatus[]): SignatureCheckStatus {
  for (const s of ['invalid', 'indeterminate', 'unsigned', 'not_checked'] as const) if (statuses.includes(s)) return s;
  return statuses.length === 0 ? 'unsigned' : 'valid';
}

export async function receiveArrivals(deps: IncomingDeps, options: { limit?: number } = {}): Promise<{ processed: number }> {
  const limit = options.limit ?? 50;
  let processed = 0;
  await deps.uow.run((tx) => expireParkedChanges(tx, deps.clock.now()));
  while (processed < limit) {
    const done = await deps.uow.run(async (tx) => {
      const arrival = await tx.incoming.claimArrival();
      if (!arrival) return false;
      if (!(await tx.incoming.findByInbox(arrival.inboxId))) await createArrival(tx, deps, arrival);
      await tx.incoming.markArrivalProcessed(arrival.inboxId, deps.clock.now());
      return true;
    });
    if (!done) break;
    processed++;
  }
  return { processed };
}

async function createArrival(tx: TxPorts, deps: IncomingDeps, arrival: PendingArrival): Promise<void> {
  let parsed: (ParsedArrival & { release(): Promise<void> }) | undefined;
  let parseError: string | undefined;
  try {
    // Never the whole package in memory: a large one is read from a local copy (released below).
    parsed = await deps.parser.parseStored(() => deps.files.get(arrival.payloadSha256), arrival.payloadSize);
  } catch (e) {
    parseError = e instanceof Error ? e.message : String(e);
  }
  try {
    await createArrivalFrom(tx, deps, arrival, parsed, parseError);
  } finally {
    await parsed?.release();
  }
}

async function createArrivalFrom(tx: TxPorts, deps: IncomingDeps, arrival: PendingArrival, parsed: ParsedArrival | undefined, parseError: string | undefined): Promise<void> {
  const warnings = [...(parsed?.warnings ?? [])];
  if (parseError) warnings.push(`Không đọc được gói tin: ${parseError}`);
  // Revocations and updates open (or park) a change request; a repeated DocumentId is linked to the first.
  if (parsed && (parsed.businessType === '1' || parsed.businessType === '2')) {
    if ((await receiveChangePackage(tx, arrival, parsed, deps.clock.now())) === 'handled') return;
  }
  if (parsed && parsed.businessType === '0' && (await linkBusinessDuplicate(tx, arrival, parsed.documentId, deps.clock.now()))) return;
  const urgency = urgencyFromPriority(parsed?.priority);
  if (urgency.note) warnings.push(urgency.note);

  const files: { name: string; description: string | undefined; sha256: string; size: number; mediaType: string; status: SignatureCheckStatus | null; details: unknown }[] = [];
  for (const a of parsed?.attachments ?? []) {
    // Streamed from the package into the store; the hub checked every attachment on receipt, so a
    // failure here is a warning on the document, not a lost arrival.
    const source = a.open();
    // The upload limit does not apply to what another organ sent: the codec caps each file (EDXML limits).
    const stored = await deps.files.put(source, { maxBytes: Number.MAX_SAFE_INTEGER }).catch((e: unknown) => {
      source.destroy();
      warnings.push(`Không lưu được tệp đính kèm ${a.name}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    });
    if (!stored) continue;
    let status: SignatureCheckStatus | null = null;
    let details: unknown = null;
    if (stored.mediaType === 'application/pdf') {
      if (!deps.signing) status = 'not_checked';
      else {
        try {
          const v = await deps.signing.validate(await readAll(await deps.files.get(stored.sha256), stored.size));
          status = fileStatus(v);
          details = v;
        } catch (e) {
          status = 'indeterminate';
          details = { error: e instanceof Error ? e.message : String(e) };
        }
      }
    }
    files.push({ name: a.name, description: a.description, sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, status, details });
  }
  const pdfStatuses = files.map((f) => f.status).filter((s): s is SignatureCheckStatus => s !== null);
  if (parsed && parsed.attachments.length === 0 && parsed.businessType === '0') warnings.push('Gói tin không có tệp đính kèm.');

  const documentId = parsed?.documentId ?? arrival.documentId;
  const found = parsed
    ? await tx.incoming.findDuplicate(arrival.agencyId, {
      documentId, senderKey: parsed.senderCode, codeNumber: parsed.codeNumber, codeNotation: parsed.codeNotation, year: parsed.promulgationDate?.slice(0, 4) ?? null,
    })
    : undefined;
  // The same DocumentId after the first ended in 02 or was revoked is a new arrival, not a duplicate (exchange.md §2.8).
  const ended = found && ['refused', 'cancelled'].includes((await tx.incoming.findById(found.id))?.state ?? '');
  const duplicate = ended ? undefined : found;
  const now = deps.clock.now();
  let doc = await tx.incoming.insert({
    agencyId: arrival.agencyId, state: 'arrived', channel: 'electronic', inboxId: arrival.inboxId, packageId: arrival.packageId, documentId,
    senderCode: arrival.senderCode, receiverCode: arrival.receiverCode, senderName: parsed?.senderName ?? arrival.senderCode,
    codeNumber: parsed?.codeNumber ?? '', codeNotation: parsed?.codeNotation ?? '', promulgationDate: parsed?.promulgationDate ?? null,
    typeName: parsed?.typeName ?? '', subject: parsed?.subject ?? '(Không đọc được gói tin)', signerName: parsed?.signerName ?? null,
    dueDate: parsed?.dueDate ?? null, urgency: urgency.ok ? urgency.urgency : 'normal', receivedAt: arrival.receivedAt,
    signatureStatus: parsed ? overallSignatureStatus(pdfStatuses) : 'not_checked', signatureDetails: [], warnings,
    duplicateOf: duplicate?.id ?? null, duplicateReason: duplicate?.reason ?? null, exchangeState: 'none',
  });
  for (const f of files) {
    await tx.incoming.insertFile({
      incomingId: doc.id, agencyId: doc.agencyId, role: 'attachment', sha256: f.sha256, size: f.size, mediaType: f.mediaType, name: f.name,
      description: f.description ?? null, signatureStatus: f.status, signatureDetails: f.details, uploadedBy: null, assignmentId: null, createdAt: now,
    });
  }
  await tx.incoming.insertEvent({
    incomingId: doc.id, agencyId: doc.agencyId, assignmentId: null, kind: 'arrived', actorUserId: null, onBehalfOf: null, text: null,
    data: { packageId: arrival.packageId, files: files.length, duplicateOf: doc.duplicateOf }, occurredAt: now,
  });
  await tx.audit.record({
    type: 'incoming.arrived', actorUserId: null, actorAgencyId: null, agencyId: doc.agencyId, subjectType: 'incoming_document', subjectId: doc.id,
    data: { packageId: arrival.packageId, documentId, senderCode: arrival.senderCode, signatureStatus: doc.signatureStatus, duplicateOf: doc.duplicateOf },
  });
  if (parsed) {
    doc = await sendArrivalStatus(tx, deps, doc);
    const main = files.find((f) => f.mediaType === 'application/pdf');
    const validation = main && main.details && typeof main.details === 'object' && 'signatures' in main.details ? (main.details as DocumentValidation) : null;
    await incomingFacts.arrived(tx, doc, arrival.receivedAt, {
      scope: arrival.origin === 'local' ? 'province' : 'external',
      sentAt: arrival.origin === 'local' ? arrival.custodyAt : parsed.firstTraceAt,
      validation: main && !validation ? 'unchecked' : validation,
    });
  }
  await indexIncoming(tx, doc.id);
  if (parsed?.businessType === '3') await openReplacements(tx, arrival, parsed, doc, now);
  await openParked(tx, doc, now);
  const clerks = await tx.notifications.usersWithRole(doc.agencyId, 'clerk');
  await notifyUsers(tx, clerks.map((c) => c.id), {
    agencyId: doc.agencyId, kind: 'incoming.arrived', title: `Văn bản mới đến: ${doc.subject}`, body: doc.senderName, incomingId: doc.id, at: now,
  });
}

/**
 * The `01` answer. An agency without its organisation key cannot sign it: the arrival is kept
 * anyway (it must never block the arrivals behind it), the clerk sees why in the warnings, and the
 * `01` goes out first when the clerk registers (register-incoming-document.ts) once a key exists.
 */
async function sendArrivalStatus(tx: TxPorts, deps: IncomingDeps, doc: IncomingRecord): Promise<IncomingRecord> {
  try {
    return await sendIncomingStatus(tx, deps, doc, '01', STATUS_TEXT['01']!, { department: 'Văn thư' });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== ErrorCode.SIGNING_NO_KEY) throw e;
    const warnings = [...doc.warnings, `Chưa gửi được trạng thái "Đã đến" (01) cho nơi gửi: ${e.message}. Trạng thái sẽ được gửi khi vào sổ.`];
    await tx.incoming.update(doc.id, { warnings });
    return { ...doc, warnings };
  }
}
