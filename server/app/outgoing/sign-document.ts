import { localDateOf } from '../../domain/calendar/vietnam-time.ts';
import type { Actor } from '../actor.ts';
import { rolesIn } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { can } from '../policies/permissions.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import type { SignerBox } from '../../domain/signature/signer-box.ts';
import { checkSignerBox, signingCapacityRefusal } from './draft-input.ts';
import { putBytes, readBytes, recordProducedFile } from './file-bytes.ts';
import { loadVisible, stateError } from './outgoing-access.ts';
import type { OutgoingDeps } from './outgoing-deps.ts';
import { indexOutgoing } from './outgoing-index.ts';

/**
 * The competent signer signs the main file with their own key (domain.md §7.2 step 5, §10.1): empty
 * number and date fields are placed first, so the clerk's later fill-in keeps this signature valid.
 * Nobody signs for someone else: a clerk has no signing right at all, and another leader is not the
 * signer the draft names. The signer may choose where the image goes (box 7c); the choice is kept on
 * the document, and the organisation seal follows it at issue time.
 */
export async function signDocument(deps: OutgoingDeps, actor: Actor, id: string, input: { signerBox?: SignerBox | null } = {}): Promise<OutgoingDocumentRecord> {
  const chosen = input.signerBox === undefined ? undefined : checkSignerBox(input.signerBox);
  const { doc, pdf, agencyCode } = await deps.uow.run(async (tx) => {
    const raw = await tx.outgoing.findById(id);
    // The signing right is checked before visibility, so a clerk hears why, not "not found".
    if (raw && rolesIn(actor, raw.agencyId).length > 0) checkSigner(actor, raw);
    const doc = await loadVisible(tx, actor, id);
    if (doc.state !== 'awaiting_signature') throw stateError('Văn bản không ở trạng thái chờ ký.');
    // The capacity printed in the signature block must hold on the signing day (a TUQ. authorisation may have lapsed).
    const refusal = await signingCapacityRefusal(tx, {
      agencyId: doc.agencyId, signerId: actor.userId, signerName: actor.fullName, roles: rolesIn(actor, doc.agencyId), capacity: doc.signerCapacity,
      typeCode: doc.typeCode, date: localDateOf(deps.clock.now()),
    });
    if (refusal) throw new AppError(ErrorCode.OUTGOING_CAPACITY_REFUSED, refusal, { field: 'signerCapacity' });
    const file = (await tx.files.findById(doc.mainFileId!))!;
    const agency = await tx.agencies.findById(doc.agencyId);
    if (!agency?.code) throw new AppError(ErrorCode.OUTGOING_INCOMPLETE, 'Cơ quan chưa có mã định danh nên chưa ký, ban hành được văn bản.');
    return { doc, pdf: await readBytes(deps.files, file.sha256), agencyCode: agency.code };
  });
  const signingTime = deps.clock.now();
  const signerBox = chosen === undefined ? doc.signerBox : chosen;
  const withFields = await deps.signing.placeStampFields(pdf, { signerBox });
  const signed = await deps.signing.signPersonal({
    pdf: withFields, agencyCode, username: actor.username, description: `Ký văn bản: ${doc.subject}`.slice(0, 200), signingTime, box: signerBox,
  });
  const stored = await putBytes(deps.files, signed);
  return deps.uow.run(async (tx) => {
    const fresh = await loadVisible(tx, actor, id, { lock: true });
    if (fresh.state !== 'awaiting_signature' || fresh.version !== doc.version) throw stateError('Văn bản đã thay đổi trong lúc ký; hãy mở lại và ký lại.');
    const file = await recordProducedFile(tx, stored, { agencyId: doc.agencyId, userId: actor.userId, actorAgencyId: actor.agencyId }, `ky-so-${doc.id.slice(0, 8)}.pdf`);
    const now = deps.clock.now();
    await tx.outgoing.update(doc.id, { state: 'signed', signedAt: signingTime, signedBy: actor.userId, signedFileId: file.id, signerBox, updatedAt: now });
    await indexOutgoing(tx, doc.id);
    await tx.outgoing.addReview({ documentId: doc.id, version: doc.version, step: null, action: 'signed', actorId: actor.userId, comment: null, actedAt: now });
    await tx.audit.record({
      type: 'outgoing.signed', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'outgoing_document', subjectId: doc.id,
      data: { version: doc.version, fileId: file.id, sha256: stored.sha256 },
    });
    return (await tx.outgoing.findById(doc.id))!;
  });
}

function checkSigner(actor: Actor, doc: OutgoingDocumentRecord): void {
  if (!can(rolesIn(actor, doc.agencyId), 'document.sign')) {
    throw new AppError(ErrorCode.FORBIDDEN, 'Bạn không có thẩm quyền ký văn bản; văn thư không được ký thay người có thẩm quyền.');
  }
  if (doc.signerId !== actor.userId) throw new AppError(ErrorCode.OUTGOING_NOT_YOUR_TURN, 'Văn bản này do người khác ký; không ai được ký thay bằng khóa của mình.');
}
