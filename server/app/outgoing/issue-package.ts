import { documentTypeByCode } from '../../domain/document/document-types.ts';
import { priorityOf } from '../../domain/document/urgency.ts';
import { formatWireTimestamp } from '../../domain/exchange/wire-dates.ts';
import type { Actor } from '../actor.ts';
import { sendPackage, storePackagePayload } from '../hub/send-package.ts';
import type { DocumentPackageInput } from '../ports/document-package-builder.ts';
import type { Bussiness } from '../../domain/exchange/package.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { readBytes } from './file-bytes.ts';
import { commitStep, fileName } from './issue-commit.ts';
import { recordIssued, signatureChecks } from './outgoing-facts.ts';
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
  kind: { packageId: string; business: Omit<Bussiness, 'StaffInfo'>; withFiles: boolean },
): Promise<DocumentPackageInput | null> {
  const recipients = (await externalRecipients(tx, doc)).filter((r) => r.code !== null);
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
      SteeringType: '0',
    },
    TraceHeader: [{ OrganId: agency.code!, Timestamp: formatWireTimestamp(deps.clock.now()) }],
    Bussiness: { ...kind.business, StaffInfo: { Department: 'Văn thư', ...(clerk && { Staff: clerk.fullName }) } } as Bussiness,
    attachments,
  };
}

/** Builds the one EDXML package for all external recipients (exchange.md §4.3), signs it and stores its bytes. */
export async function packageStep(deps: OutgoingDeps, actor: Actor | null, doc: OutgoingDocumentRecord): Promise<OutgoingDocumentRecord> {
  const input = await deps.uow.run((tx) => packageInputOf(tx, deps, actor, doc, { packageId: doc.packageId!, business: { BussinessDocType: '0', Paper: '0' }, withFiles: true }));
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
  return commitStep(deps, actor, doc, 'sent', async (tx, fresh) => {
    const now = deps.clock.now();
    if (fresh.packageSha256) {
      const recipients = (await externalRecipients(tx, fresh)).filter((r) => r.code !== null);
      const receivers = recipients.map((r) => r.code!);
      for (const r of recipients) await tx.outgoing.updateRecipient(r.recipient.id, { organCode: r.code });
      const agency = (await tx.agencies.findById(fresh.agencyId))!;
      await sendPackage(tx, { clock: deps.clock, nodeName: deps.nodeName }, {
        packageId: fresh.packageId!, kind: 'document', senderAgencyId: fresh.agencyId, senderCode: agency.code!, receiverCodes: receivers,
        businessType: '0', documentId: fresh.edxmlDocumentId!, priority: Number(priorityOf(fresh.urgency)),
        payload: { sha256: fresh.packageSha256, size: fresh.packageSize! },
      });
    }
    await recordIssued(tx, fresh, now, checks);
    await tx.outgoing.addReview({ documentId: fresh.id, version: fresh.version, step: null, action: 'issued', actorId: actor?.userId ?? fresh.issueStartedBy ?? fresh.signedBy!, comment: null, actedAt: now });
    return { state: 'issued', issuedAt: now, sentAt: fresh.packageSha256 ? now : null };
  }, { codeNumber: doc.codeNumber, codeNotation: doc.codeNotation, packageId: doc.packageSha256 ? doc.packageId : null });
}
