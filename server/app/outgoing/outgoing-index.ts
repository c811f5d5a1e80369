import { documentTypeByCode } from '../../domain/document/document-types.ts';
import type { OutgoingState } from '../../domain/document/outgoing-states.ts';
import { documentReaders } from '../../domain/search/readers.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { deliveredUnitIds } from './deliver-internal.ts';

/** States from which clerks and leaders see the document (domain.md §4.2 item 2: issued outgoing documents). */
const ISSUED: readonly OutgoingState[] = ['issued', 'updated', 'recalled', 'replaced'];

/**
 * Writes the document's search entry (server/app/search/README.md) in the caller's transaction, from
 * the row as it now is: called after every change to what the entry holds. Readers per domain.md
 * §4.2: a draft is found by its drafter, reviewers and signer and the heads of its drafting unit;
 * once issued also by clerks, leaders and every member of the internal units it was delivered to.
 */
export async function indexOutgoing(tx: TxPorts, id: string): Promise<void> {
  const doc = await tx.outgoing.findById(id);
  if (!doc) return;
  const issued = ISSUED.includes(doc.state);
  const agency = await tx.agencies.findById(doc.agencyId);
  const signer = doc.signedBy ?? doc.signerId;
  const signerName = signer ? ((await tx.users.findById(signer))?.fullName ?? null) : null;
  const internalUnits = issued ? await deliveredUnitIds(tx, doc.id) : [];
  const mainSha = doc.finalMainSha256 ?? (doc.mainFileId ? ((await tx.files.findById(doc.mainFileId))?.sha256 ?? null) : null);
  const type = documentTypeByCode(doc.typeCode);
  await tx.searchIndex.upsert({
    agencyId: doc.agencyId,
    kind: 'outgoing',
    documentId: doc.id,
    subject: doc.subject,
    codeNumber: doc.codeNumber,
    codeNotation: doc.codeNotation,
    documentType: type ? { code: type.code, name: type.name } : null,
    issuedDate: doc.issuedDate,
    arrivalDate: null,
    organName: agency?.name ?? null,
    registerId: doc.registerId,
    status: doc.state,
    signerName,
    urgency: doc.urgency,
    readers: documentReaders('outgoing', {
      registeredOrIssued: issued,
      unitIds: [...(doc.draftingUnitId ? [doc.draftingUnitId] : []), ...internalUnits],
      memberUnitIds: internalUnits,
      userIds: [doc.drafterId, ...doc.reviewChain.map((s) => s.userId), ...(doc.signerId ? [doc.signerId] : []), ...(doc.signedBy ? [doc.signedBy] : [])],
    }),
    mainFileSha256: mainSha,
  });
}
