import { randomUUID } from 'node:crypto';
import { BUSSINESS_DOC_REASONS } from '../../domain/exchange/code-lists.ts';
import { documentIdKey } from '../../domain/exchange/document-id.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { sendPackage, storePackagePayload } from '../hub/send-package.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import { externalRecipients, packageInputOf } from './issue-package.ts';
import { assertCan, loadVisible, stateError } from './outgoing-access.ts';
import type { OutgoingDeps } from './outgoing-deps.ts';
import { indexOutgoing } from './outgoing-index.ts';

/**
 * Recall (thu hồi, domain.md §9; business type 1): the leader decides with a reason and the package
 * goes at once to every external recipient: the original's header, an empty manifest, the original
 * DocumentId (exchange.md §2.8). The document and its metadata are frozen; its register line stays,
 * noted "Thu hồi"; each recipient answers 15 (accepted) or 16 (refused, with reason).
 */
export async function recallDocument(deps: OutgoingDeps, actor: Actor, id: string, reason: string): Promise<OutgoingDocumentRecord> {
  const text = reason.trim();
  const { doc, input } = await deps.uow.run(async (tx) => {
    const doc = await loadVisible(tx, actor, id);
    assertCan(actor, doc.agencyId, 'document.recall', 'Chỉ lãnh đạo có thẩm quyền quyết định thu hồi văn bản.');
    if (doc.state !== 'issued' && doc.state !== 'updated') throw stateError('Chỉ thu hồi được văn bản đã phát hành.');
    if (text === '' || text.length > 1000) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Thu hồi phải nêu lý do (tối đa 1000 ký tự).', { field: 'reason' });
    const input = doc.packageSha256
      ? await packageInputOf(tx, deps, actor, doc, {
          packageId: randomUUID(),
          business: { BussinessDocType: '1', BussinessDocReason: `${BUSSINESS_DOC_REASONS['1']}: ${text}`, DocumentId: doc.edxmlDocumentId!, Paper: '0' },
          withFiles: false,
        })
      : null;
    return { doc, input };
  });
  const built = input && (await deps.packages.build(input));
  const payload = built && (await storePackagePayload(deps.files, built.bytes));
  return deps.uow.run(async (tx) => {
    const fresh = await loadVisible(tx, actor, id, { lock: true });
    if (fresh.state !== doc.state) throw stateError('Văn bản vừa thay đổi trạng thái; hãy mở lại.');
    const now = deps.clock.now();
    if (input && payload) {
      const recipients = (await externalRecipients(tx, fresh)).filter((r) => r.code !== null);
      const agency = (await tx.agencies.findById(fresh.agencyId))!;
      await sendPackage(tx, { clock: deps.clock, nodeName: deps.nodeName }, {
        packageId: input.packageId, kind: 'document', senderAgencyId: fresh.agencyId, senderCode: agency.code!, receiverCodes: recipients.map((r) => r.code!),
        businessType: '1', documentId: fresh.edxmlDocumentId!, orderingDocumentId: fresh.edxmlDocumentId!, payload,
      });
      for (const r of recipients) {
        await tx.outgoing.updateRecipient(r.recipient.id, { changeOpen: 'revoke', changeAnswer: null, changeAnswerReason: null, changeAnsweredAt: null });
        await tx.supervisionFacts.record({ kind: 'outgoing.recall_sent', agencyId: fresh.agencyId, documentKey: documentIdKey(fresh.edxmlDocumentId!), occurredAt: now, data: { receiverKey: r.code! } });
      }
    }
    await tx.outgoing.update(fresh.id, { state: 'recalled', recallReason: text, recalledAt: now, recalledBy: actor.userId, recallPackageId: input?.packageId ?? null, updatedAt: now });
    await indexOutgoing(tx, fresh.id);
    await tx.audit.record({
      type: 'outgoing.recalled', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: fresh.agencyId, subjectType: 'outgoing_document', subjectId: fresh.id,
      data: { reason: text, packageId: input?.packageId ?? null, receivers: input?.MessageHeader.To.map((t) => t.OrganId) ?? [] },
    });
    return (await tx.outgoing.findById(fresh.id))!;
  });
}
