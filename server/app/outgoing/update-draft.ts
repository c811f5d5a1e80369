import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import { prepareMainFile } from './create-draft.ts';
import { checkDraft, versionFields, type DraftInput } from './draft-input.ts';
import { loadVisible, stateError } from './outgoing-access.ts';
import type { OutgoingDeps } from './outgoing-deps.ts';
import { indexOutgoing } from './outgoing-index.ts';

/**
 * The drafter revises a draft that is being written or came back: every save is a new version and
 * the earlier ones stay (domain.md §7.2 step 2). A returned draft goes back to drafting.
 */
export async function updateDraft(deps: OutgoingDeps, actor: Actor, id: string, input: DraftInput): Promise<OutgoingDocumentRecord> {
  const before = await deps.uow.run((tx) => loadVisible(tx, actor, id));
  const mainFileId = await prepareMainFile(deps, actor, before.agencyId, input.mainFileId);
  return deps.uow.run(async (tx) => {
    const doc = await loadVisible(tx, actor, id, { lock: true });
    if (doc.drafterId !== actor.userId) throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ người soạn thảo được sửa dự thảo.');
    if (doc.state !== 'drafting' && doc.state !== 'returned') throw stateError('Chỉ sửa được dự thảo đang soạn hoặc bị trả lại.');
    // The reply-to and replacement links stay unless the drafter changes them (the editor need not send them).
    const d = await checkDraft(tx, actor, doc.agencyId, {
      draftingUnitId: doc.draftingUnitId, signerBox: doc.signerBox, responseForIncomingId: doc.responseForIncomingId, replacesDocumentId: doc.replacesDocumentId, ...input, mainFileId,
    });
    const now = deps.clock.now();
    const version = doc.version + 1;
    await tx.outgoing.update(doc.id, {
      state: 'drafting', typeCode: d.typeCode, subject: d.subject, urgency: d.urgency, draftingUnitId: d.draftingUnitId, signerId: d.signerId,
      signerCapacity: d.signerCapacity, toPlaces: d.toPlaces, replyBy: d.replyBy, copies: d.copies, responseForIncomingId: d.responseForIncomingId, replacesDocumentId: d.replacesDocumentId,
      mainFileId: d.mainFileId, attachmentFileIds: d.attachmentFileIds, signerBox: d.signerBox, version, updatedAt: now,
    });
    await tx.outgoing.replaceRecipients(doc.id, d.recipients);
    await tx.outgoing.addVersion({ documentId: doc.id, version, fields: versionFields(d, d.recipients), mainFileId: d.mainFileId, attachmentFileIds: d.attachmentFileIds, createdBy: actor.userId, createdAt: now });
    await indexOutgoing(tx, doc.id);
    await tx.audit.record({
      type: 'outgoing.draft_updated', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'outgoing_document', subjectId: doc.id,
      data: { version, previousState: doc.state, recipients: d.recipients.length },
    });
    return (await tx.outgoing.findById(doc.id))!;
  });
}
