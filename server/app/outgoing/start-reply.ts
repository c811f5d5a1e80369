import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { loadVisible as loadVisibleIncoming } from '../incoming/incoming-access.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import { createDraft } from './create-draft.ts';
import type { OutgoingDeps } from './outgoing-deps.ts';

/**
 * "Soạn văn bản trả lời" (domain.md §4.1 specialist, §7.2 step 2 reply-to link): from an incoming
 * document the user may see, a new official-letter draft linked to it (`responseForIncomingId`, which
 * becomes `ResponseFor` in the issued package) and addressed to the sender when the sender is a
 * directory agency holding the code the document came from.
 */
export async function startReply(deps: OutgoingDeps, actor: Actor, incomingId: string): Promise<OutgoingDocumentRecord> {
  const { original, senderAgencyId } = await deps.uow.run(async (tx) => {
    const { doc } = await loadVisibleIncoming(tx, actor, incomingId);
    if (doc.state === 'arrived' || doc.state === 'refused') {
      throw new AppError(ErrorCode.CONFLICT, 'Chỉ trả lời được văn bản đến đã vào sổ.');
    }
    const holder = doc.senderCode ? (await tx.agencies.codeUses(doc.senderCode)).find((c) => c.validTo === null) : undefined;
    const sender = holder ? await tx.agencies.findById(holder.agencyId) : undefined;
    return { original: doc, senderAgencyId: sender && sender.active && sender.id !== doc.agencyId ? sender.id : null };
  });
  const number = original.codeNotation ? `${original.codeNumber}/${original.codeNotation}` : original.codeNumber;
  const subject = `V/v trả lời Văn bản số ${number} của ${original.senderName}`.slice(0, 500);
  return createDraft(deps, actor, {
    agencyId: original.agencyId, typeCode: 'official_letter', subject, urgency: 'normal', responseForIncomingId: original.id,
    recipientAgencyIds: senderAgencyId ? [senderAgencyId] : [], toPlaces: `Như trên;\nLưu: VT.`,
  });
}
