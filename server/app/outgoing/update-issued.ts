import { randomUUID } from 'node:crypto';
import { BUSSINESS_DOC_REASONS } from '../../domain/exchange/code-lists.ts';
import { isLocalDate } from '../../domain/calendar/vietnam-time.ts';
import { isUrgency } from '../../domain/document/urgency.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { sendPackage, storePackagePayload } from '../hub/send-package.ts';
import type { NewOutgoingRecipient, OutgoingDocumentRecord, OutgoingPatch } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { externalRecipients, packageInputOf } from './issue-package.ts';
import { assertCan, loadVisible, stateError } from './outgoing-access.ts';
import type { OutgoingDeps } from './outgoing-deps.ts';
import { indexOutgoing } from './outgoing-index.ts';

/** What an update may change (domain.md §9: metadata or the recipient list, no new content). */
export interface UpdateIssuedInput {
  reason: string;
  subject?: string;
  urgency?: string;
  replyBy?: string | null;
  toPlaces?: string;
  /** Directory agencies added to the recipients: they get the document as new. */
  addRecipientAgencyIds?: string[];
}

const invalid = (field: string, message: string) => new AppError(ErrorCode.VALIDATION_FAILED, message, { field });

interface Planned {
  doc: OutgoingDocumentRecord;
  patch: OutgoingPatch;
  changes: { field: string; before: unknown; after: unknown }[];
  added: (NewOutgoingRecipient & { code: string | null })[];
}

async function plan(tx: TxPorts, actor: Actor, id: string, input: UpdateIssuedInput): Promise<Planned> {
  const doc = await loadVisible(tx, actor, id);
  assertCan(actor, doc.agencyId, 'document.recall', 'Chỉ lãnh đạo có thẩm quyền quyết định cập nhật văn bản đã phát hành.');
  if (doc.state !== 'issued' && doc.state !== 'updated') throw stateError('Chỉ cập nhật được văn bản đã phát hành (chưa thu hồi, chưa bị thay thế).');
  const reason = input.reason.trim();
  if (reason === '' || reason.length > 1000) throw invalid('reason', 'Cập nhật phải nêu lý do (tối đa 1000 ký tự).');
  const patch: OutgoingPatch = {};
  if (input.subject !== undefined) {
    const subject = input.subject.trim().normalize('NFC');
    if (subject === '' || subject.length > 500) throw invalid('subject', 'Trích yếu không được để trống, tối đa 500 ký tự.');
    if (subject !== doc.subject) patch.subject = subject;
  }
  if (input.urgency !== undefined) {
    if (!isUrgency(input.urgency)) throw invalid('urgency', 'Mức độ khẩn phải là Thường, Khẩn, Thượng khẩn hoặc Hỏa tốc.');
    if (input.urgency !== doc.urgency) patch.urgency = input.urgency;
  }
  if (input.replyBy !== undefined) {
    const replyBy = input.replyBy || null;
    if (replyBy && !isLocalDate(replyBy)) throw invalid('replyBy', 'Hạn trả lời phải là ngày dạng YYYY-MM-DD.');
    if (replyBy !== doc.replyBy) patch.replyBy = replyBy;
  }
  if (input.toPlaces !== undefined) {
    const toPlaces = input.toPlaces.normalize('NFC').split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join('\n');
    if (toPlaces.length > 1000) throw invalid('toPlaces', 'Nơi nhận tối đa 1000 ký tự.');
    if (toPlaces !== doc.toPlaces) patch.toPlaces = toPlaces;
  }
  const existing = new Set((await tx.outgoing.listRecipients(doc.id)).map((r) => r.recipientAgencyId).filter(Boolean));
  const added: Planned['added'] = [];
  for (const agencyId of new Set(input.addRecipientAgencyIds ?? [])) {
    if (existing.has(agencyId)) continue;
    const a = await tx.agencies.findById(agencyId);
    if (!a || !a.active) throw invalid('addRecipientAgencyIds', 'Cơ quan nhận thêm không có trong danh bạ hoặc đã ngừng hoạt động.');
    if (a.id === doc.agencyId) throw invalid('addRecipientAgencyIds', 'Không gửi văn bản đi cho chính cơ quan mình.');
    added.push({ kind: 'agency', recipientAgencyId: a.id, unitId: null, name: a.name, code: a.code ?? null });
  }
  const changes = Object.entries(patch).map(([field, after]) => ({ field, before: doc[field as keyof OutgoingDocumentRecord] ?? null, after }));
  if (changes.length === 0 && added.length === 0) throw invalid('reason', 'Không có thông tin nào thay đổi: hãy sửa ít nhất một trường hoặc thêm nơi nhận.');
  return { doc, patch, changes, added };
}

/**
 * Update (cập nhật, domain.md §9; business type 2): the leader changes an issued document's metadata or
 * adds recipients, with a reason. One package goes to every external recipient, old and added: the new
 * header, the files, `BussinessDocumentInfo` saying what changed and which organs were added
 * (`ReceiverType` 1), and the original `DocumentId`, ordered after the document's earlier packages.
 * Recipients that had it answer 15 or 16 (tracking); added ones receive it as new. The previous values
 * stay in the change record and a new version.
 */
export async function updateIssuedDocument(deps: OutgoingDeps, actor: Actor, id: string, input: UpdateIssuedInput): Promise<OutgoingDocumentRecord> {
  const reason = input.reason.trim();
  const { planned, pkg } = await deps.uow.run(async (tx) => {
    const planned = await plan(tx, actor, id, input);
    const { doc, changes, added } = planned;
    const electronicAdded = added.filter((a) => a.code !== null).map((a) => ({ code: a.code!, name: a.name }));
    const pkg = doc.packageSha256 || electronicAdded.length > 0
      ? await packageInputOf(tx, deps, actor, { ...doc, ...planned.patch }, {
          packageId: randomUUID(), withFiles: true, extraTo: electronicAdded,
          business: {
            BussinessDocType: '2', BussinessDocReason: `${BUSSINESS_DOC_REASONS['2']}: ${reason}`,
            BussinessDocumentInfo: {
              DocumentInfo: changes.length > 0 ? '1' : '0', DocumentReceiver: electronicAdded.length > 0 ? '1' : '0',
              ...(electronicAdded.length > 0 && { ReceiverList: electronicAdded.map((a) => ({ OrganId: a.code, ReceiverType: '1' })) }),
            },
            DocumentId: doc.edxmlDocumentId ?? undefined, Paper: '0',
          },
        })
      : null;
    return { planned, pkg };
  });
  const built = pkg && (await deps.packages.build(pkg));
  const payload = built && (await storePackagePayload(deps.files, built.bytes));
  return deps.uow.run(async (tx) => {
    const fresh = await loadVisible(tx, actor, id, { lock: true });
    if (fresh.state !== planned.doc.state || fresh.updatedAt.getTime() !== planned.doc.updatedAt.getTime()) throw stateError('Văn bản vừa thay đổi; hãy mở lại rồi cập nhật.');
    const now = deps.clock.now();
    const before = (await externalRecipients(tx, fresh)).filter((r) => r.code !== null && r.recipient.organCode !== null);
    const addedRows = await tx.outgoing.addRecipients(fresh.id, planned.added.map(({ code: _code, ...r }) => r));
    const documentId = fresh.edxmlDocumentId ?? built?.documentId ?? null;
    if (pkg && payload && built) {
      const agency = (await tx.agencies.findById(fresh.agencyId))!;
      await sendPackage(tx, { clock: deps.clock, nodeName: deps.nodeName }, {
        packageId: pkg.packageId, kind: 'document', senderAgencyId: fresh.agencyId, senderCode: agency.code!, receiverCodes: pkg.MessageHeader.To.map((t) => t.OrganId),
        businessType: '2', documentId: built.documentId, orderingDocumentId: documentId ?? built.documentId, payload,
      });
      // Those that hold the document are asked (15/16); the added ones get it as a new arrival.
      for (const r of before) await tx.outgoing.updateRecipient(r.recipient.id, { changeOpen: 'update', changeAnswer: null, changeAnswerReason: null, changeAnsweredAt: null });
      for (const row of addedRows) {
        const code = planned.added.find((a) => a.recipientAgencyId === row.recipientAgencyId)?.code ?? null;
        if (code) await tx.outgoing.updateRecipient(row.id, { organCode: code });
      }
    }
    const version = fresh.version + 1;
    await tx.outgoing.update(fresh.id, { ...planned.patch, state: 'updated', version, ...(documentId && !fresh.edxmlDocumentId && { edxmlDocumentId: documentId }), updatedAt: now });
    const after = (await tx.outgoing.findById(fresh.id))!;
    const recipients = await tx.outgoing.listRecipients(fresh.id);
    await tx.outgoing.addVersion({
      documentId: fresh.id, version, createdBy: actor.userId, createdAt: now, mainFileId: after.finalMainFileId, attachmentFileIds: after.finalAttachments.map((a) => a.fileId),
      fields: {
        typeCode: after.typeCode, subject: after.subject, urgency: after.urgency, replyBy: after.replyBy, toPlaces: after.toPlaces, signerCapacity: after.signerCapacity,
        recipients: recipients.map((r) => ({ kind: r.kind, id: r.recipientAgencyId ?? r.unitId, name: r.name })), updateReason: reason,
      },
    });
    await tx.outgoing.addChange({
      documentId: fresh.id, kind: 'update', reason, changes: planned.changes, addedRecipients: planned.added.map((a) => a.name), replacementId: null,
      packageId: pkg?.packageId ?? null, createdBy: actor.userId, createdAt: now,
    });
    await indexOutgoing(tx, fresh.id);
    await tx.audit.record({
      type: 'outgoing.updated', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: fresh.agencyId, subjectType: 'outgoing_document', subjectId: fresh.id,
      data: { reason, changed: planned.changes.map((c) => c.field), added: planned.added.map((a) => a.name), packageId: pkg?.packageId ?? null, version },
    });
    return after;
  });
}
