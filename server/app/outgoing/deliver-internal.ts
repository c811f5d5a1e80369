import { documentTypeByCode } from '../../domain/document/document-types.ts';
import { DOCUMENT_ROLES } from '../../domain/search/readers.ts';
import { notifyUsers } from '../incoming/notify.ts';
import type { OutgoingDocumentRecord } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

/** The notification kind the web app links to the "Văn bản nội bộ" list. */
export const INTERNAL_NOTIFICATION = 'outgoing.internal';

/**
 * Internal recipients (domain.md §7.2 step 11): each unit of the own agency named on the document gets
 * it in its workspace when it is issued, in the issuing transaction. No hub package: the recipient row
 * is marked delivered (tracking shows "Đã chuyển" with the time), the unit's members holding a document
 * role are notified, and from then on they see the document and its files (outgoing-access.ts) and find
 * it in search (`member:<unit>` readers, outgoing-index.ts). Returns the units delivered to.
 */
export async function deliverInternal(tx: TxPorts, doc: OutgoingDocumentRecord, at: Date): Promise<{ unitId: string; name: string }[]> {
  const delivered = [];
  const type = documentTypeByCode(doc.typeCode);
  const number = doc.codeNumber ? ` số ${doc.codeNumber}/${doc.codeNotation}` : '';
  for (const r of await tx.outgoing.listRecipients(doc.id)) {
    if (r.kind !== 'unit' || !r.unitId || r.deliveredAt) continue;
    await tx.outgoing.updateRecipient(r.id, { deliveredAt: at });
    const people = [];
    for (const role of DOCUMENT_ROLES) people.push(...(await tx.notifications.usersWithRole(doc.agencyId, role, r.unitId)).map((u) => u.id));
    await notifyUsers(tx, people, {
      agencyId: doc.agencyId, kind: INTERNAL_NOTIFICATION, at,
      title: `Văn bản nội bộ gửi ${r.name}: ${type?.name ?? 'Văn bản'}${number}`, body: doc.subject,
    });
    delivered.push({ unitId: r.unitId, name: r.name });
  }
  return delivered;
}

/** The internal units an issued document reached (for visibility and search readers). */
export async function deliveredUnitIds(tx: TxPorts, documentId: string): Promise<string[]> {
  return (await tx.outgoing.listRecipients(documentId)).filter((r) => r.kind === 'unit' && r.unitId && r.deliveredAt).map((r) => r.unitId!);
}
