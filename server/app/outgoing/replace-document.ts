import type { Actor } from '../actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { indexOutgoing } from './outgoing-index.ts';

/**
 * Replacement (thay thế, domain.md §9; business type 3): the replacing document went through the whole
 * outgoing workflow and is being issued. In that same transaction the replaced document is marked
 * replaced (it names its replacement), each external recipient holding it has a change request open
 * until it answers 15 or 16 (shown in the replaced document's tracking), and the change is kept.
 * The package itself is the replacement's first package (issue-package.ts: `issueBusinessOf`).
 */
export async function markReplaced(tx: TxPorts, deps: { clock: Clock }, actor: Actor | null, replacement: OutgoingDocumentRecord, packageSent: boolean): Promise<void> {
  if (!replacement.replacesDocumentId) return;
  const old = await tx.outgoing.findById(replacement.replacesDocumentId, { lock: true });
  if (!old || old.replacedById) return;
  const now = deps.clock.now();
  if (packageSent) {
    for (const r of await tx.outgoing.listRecipients(old.id)) {
      if (r.kind === 'agency' && r.organCode) await tx.outgoing.updateRecipient(r.id, { changeOpen: 'replace', changeAnswer: null, changeAnswerReason: null, changeAnsweredAt: null });
    }
  }
  await tx.outgoing.update(old.id, { state: 'replaced', replacedById: replacement.id, updatedAt: now });
  const by = actor?.userId ?? replacement.issueStartedBy ?? replacement.signedBy!;
  await tx.outgoing.addChange({
    documentId: old.id, kind: 'replace', reason: `Thay thế bằng văn bản số ${replacement.codeNumber}/${replacement.codeNotation}`, changes: [], addedRecipients: [],
    replacementId: replacement.id, packageId: packageSent ? replacement.packageId : null, createdBy: by, createdAt: now,
  });
  await indexOutgoing(tx, old.id);
  await tx.audit.record({
    type: 'outgoing.replaced', actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: old.agencyId, subjectType: 'outgoing_document', subjectId: old.id,
    data: { replacementId: replacement.id, codeNumber: replacement.codeNumber, codeNotation: replacement.codeNotation, packageId: packageSent ? replacement.packageId : null },
  });
}
