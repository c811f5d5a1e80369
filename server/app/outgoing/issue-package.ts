import { documentTypeByCode } from '../../domain/document/document-types.ts';
import { priorityOf } from '../../domain/document/urgency.ts';
import { formatWireTimestamp } from '../../domain/exchange/wire-dates.ts';
import type { Actor } from '../actor.ts';
import { sendPackage, storePackagePayload } from '../hub/send-package.ts';
import type { DocumentPackageInput } from '../ports/document-package-builder.ts';
import type { Bussiness, ResponseFor } from '../../domain/exchange/package.ts';
import { BUSSINESS_DOC_REASONS } from '../../domain/exchange/code-lists.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { readBytes } from './file-bytes.ts';
import { commitStep, fileName } from './issue-commit.ts';
import { deliverInternal } from './deliver-internal.ts';
import { recordIssued, signatureChecks } from './outgoing-facts.ts';
import { markReplaced } from './replace-document.ts';
import type { OutgoingDeps } from './outgoing-deps.ts';

/** Recipients that get the package: directory agencies holding an open identifier code. Units of the own agency are internal. */
export async function externalRecipients(tx: TxPorts, doc: OutgoingDocumentRecord) {
  const out = [];
  for (const r of await tx.outgoing.listRecipients(doc.id)) {
    if (r.kind !== 'agency') continue;
    const agency = await tx.agencies.findById(r.recipientAgencyId!);
    out.push({ recipient: r, code: agency?.code ?? null, name: agency?.name ?? r.name });
  }
  return out;
}

/**
 * The package input for an issued document: its header as issued, addressed to every external
 * recipient with an open code. `business` and `attachments` say what kind of package (new, recall).
 */
export async function packageInputOf(
  tx: TxPorts,
  deps: Pick<OutgoingDeps, 'files' | 'clock'>,
  actor: Actor | null,
  doc: OutgoingDocumentRecord,
  kind: { packageId: string; business: Omit<Bussiness, 'StaffInfo'>; withFiles: boolean; extraTo?: { code: string; name: string }[] },
): Promise<DocumentPackageInput | null> {
  const recipients: { code: string | null; name: string }[] = [...(await externalRecipients(tx, doc)).filter((r) => r.code !== null), ...(kind.extraTo ?? [])];
  if (recipients.length === 0) return null;
  const agency = (await tx.agencies.findById(doc.agencyId))!;
  const parent = agency.parentId ? await tx.agencies.findById(agency.parentId) : undefined;
  const signer = doc.signedBy ? await tx.users.findById(doc.signedBy) : undefined;
  const clerk = actor ? await tx.users.findById(actor.userId) : doc.issueStartedBy ? await tx.users.findById(doc.issueStartedBy) : undefined;
  const attachments = [];
  if (kind.withFiles) {
    const mainFile = (await tx.files.findById(doc.finalMainFileId!))!;
    attachments.push({ name: fileName(doc, ''), contentType: 'application/pdf', description: 'Văn bản chính', bytes: await readBytes(deps.files, mainFile.sha256) });
    for (const a of doc.finalAttachments) {
      const f = (await tx.files.findById(a.fileId))!;
      attachments.push({ name: a.name, contentType: f.mediaType, description: 'Tệp đính kèm', bytes: await readBytes(deps.files, a.sha256) });
    }
  }
  const type = documentTypeByCode(doc.typeCode)!;
  const responseFor = await responseForOf(tx, doc);
  return {
    packageId: kind.packageId,
    agencyCode: agency.code!,
    MessageHeader: {
      From: { OrganId: agency.code!, OrganName: agency.name, ...(parent && { OrganizationInCharge: parent.name }), ...(agency.address && { OrganAdd: agency.address }), ...(agency.contactEmail && { Email: agency.contactEmail }) },
      To: recipients.map((r) => ({ OrganId: r.code!, OrganName: r.name })),
      Code: { CodeNumber: doc.codeNumber!, CodeNotation: doc.codeNotation! },
      PromulgationInfo: { ...(agency.placeName && { Place: agency.placeName }), PromulgationDate: doc.issuedDate!.replace(/-/g, '/') },
      DocumentType: { TypeName: type.name },
      Subject: doc.subject,
      ...(signer && { SignerInfo: { ...(doc.signerCapacity && { Competence: doc.signerCapacity }), Position: signer.title, FullName: signer.fullName } }),
      ...(doc.replyBy && { DueDate: doc.replyBy.replace(/-/g, '/') }),
      ...(doc.toPlaces && { ToPlaces: doc.toPlaces.split('\n') }),
      OtherInfo: { Priority: priorityOf(doc.urgency), ...(doc.copies && { PromulgationAmount: String(doc.copies) }) },
      ...(responseFor && { ResponseFor: [responseFor] }),
      SteeringType: '0',
    },
    TraceHeader: [{ OrganId: agency.code!, Timestamp: formatWireTimestamp(deps.clock.now()) }],
    Bussiness: { ...kind.business, StaffInfo: { Department: 'Văn thư', ...(clerk && { Staff: clerk.fullName }) } } as Bussiness,
    attachments,
  };
}

/** A reply names the incoming document it answers (exchange.md §2.2 1.12): its issuer, number/notation, date and DocumentId. */
async function responseForOf(tx: TxPorts, doc: OutgoingDocumentRecord): Promise<ResponseFor | null> {
  if (!doc.responseForIncomingId) return null;
  const original = await tx.incoming.findById(doc.responseForIncomingId);
  if (!original) return null;
  return {
    ...(original.senderCode && { OrganId: original.senderCode }),
    ...(original.codeNumber && { Code: `${original.codeNumber}/${original.codeNotation}` }),
    ...(original.promulgationDate && { PromulgationDate: original.promulgationDate.replace(/-/g, '/') }),
    ...(original.documentId && { DocumentId: original.documentId }),
  };
}

/**
 * The business block of an issued document's first package: new (type 0), or a replacement (type 3)
 * naming the replaced document's DocumentId and the organs that hold it (exchange.md §2.5, §2.8).
 */
export async function issueBusinessOf(tx: TxPorts, doc: OutgoingDocumentRecord): Promise<Omit<Bussiness, 'StaffInfo'>> {
  const replaced = doc.replacesDocumentId ? await tx.outgoing.findById(doc.replacesDocumentId) : undefined;
  if (!replaced?.edxmlDocumentId) return { BussinessDocType: '0', Paper: '0' };
  const organs = (await tx.outgoing.listRecipients(replaced.id)).filter((r) => r.kind === 'agency' && r.organCode).map((r) => r.organCode!);
  return {
    BussinessDocType: '3', BussinessDocReason: `${BUSSINESS_DOC_REASONS['3']}: thay thế văn bản số ${replaced.codeNumber}/${replaced.codeNotation}`, Paper: '0',
    ReplacementInfoList: [{ DocumentId: replaced.edxmlDocumentId, OrganIdList: organs }],
  };
}

/** Builds the one EDXML package for all external recipients (exchange.md §4.3), signs it and stores its bytes. */
export async function packageStep(deps: OutgoingDeps, actor: Actor | null, doc: OutgoingDocumentRecord): Promise<OutgoingDocumentRecord> {
  const input = await deps.uow.run(async (tx) => packageInputOf(tx, deps, actor, doc, { packageId: doc.packageId!, business: await issueBusinessOf(tx, doc), withFiles: true }));
  if (!input) return commitStep(deps, actor, doc, 'packaged', async () => ({}), { external: 0 });
  const built = await deps.packages.build(input);
  const payload = await storePackagePayload(deps.files, built.bytes);
  return commitStep(deps, actor, doc, 'packaged', async () => ({ packageSha256: payload.sha256, packageSize: payload.size, edxmlDocumentId: built.documentId }), {
    packageId: input.packageId, sha256: payload.sha256, receivers: input.MessageHeader.To.map((t) => t.OrganId),
  });
}

/** Hands the package to the hub in the transaction that marks the document issued (send-package.ts). */
export async function sendStep(deps: OutgoingDeps, actor: Actor | null, doc: OutgoingDocumentRecord): Promise<OutgoingDocumentRecord> {
  // The main file's signatures as issued, for the supervision fact (checked outside the transaction: PDF work).
  const checks = signatureChecks(await deps.signing.validate(await readBytes(deps.files, doc.finalMainSha256!)));
  const internal: { unitId: string; name: string }[] = [];
  return commitStep(deps, actor, doc, 'sent', async (tx, fresh) => {
    const now = deps.clock.now();
    if (fresh.packageSha256) {
      const recipients = (await externalRecipients(tx, fresh)).filter((r) => r.code !== null);
      const receivers = recipients.map((r) => r.code!);
      for (const r of recipients) await tx.outgoing.updateRecipient(r.recipient.id, { organCode: r.code });
      const agency = (await tx.agencies.findById(fresh.agencyId))!;
      // A replacement is ordered after the replaced document's packages (its DocumentId is the ordering key).
      const replaced = fresh.replacesDocumentId ? await tx.outgoing.findById(fresh.replacesDocumentId) : undefined;
      await sendPackage(tx, { clock: deps.clock, nodeName: deps.nodeName }, {
        packageId: fresh.packageId!, kind: 'document', senderAgencyId: fresh.agencyId, senderCode: agency.code!, receiverCodes: receivers,
        businessType: replaced?.edxmlDocumentId ? '3' : '0', documentId: fresh.edxmlDocumentId!, orderingDocumentId: replaced?.edxmlDocumentId ?? undefined,
        priority: Number(priorityOf(fresh.urgency)), payload: { sha256: fresh.packageSha256, size: fresh.packageSize! },
      });
    }
    await markReplaced(tx, deps, actor, fresh, fresh.packageSha256 !== null);
    internal.splice(0, internal.length, ...(await deliverInternal(tx, fresh, now)));
    await recordIssued(tx, fresh, now, checks);
    await tx.outgoing.addReview({ documentId: fresh.id, version: fresh.version, step: null, action: 'issued', actorId: actor?.userId ?? fresh.issueStartedBy ?? fresh.signedBy!, comment: null, actedAt: now });
    return { state: 'issued', issuedAt: now, sentAt: fresh.packageSha256 ? now : null };
  }, { codeNumber: doc.codeNumber, codeNotation: doc.codeNotation, packageId: doc.packageSha256 ? doc.packageId : null, internalUnits: internal });
}
