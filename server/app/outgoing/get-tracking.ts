import type { Actor } from '../actor.ts';
import type { DeliveryRecord } from '../ports/hub.ts';
import type { OutgoingChangeRecord, OutgoingRecipientRecord, RecipientEventRecord } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { loadVisible } from './outgoing-access.ts';

export interface RecipientTracking {
  recipient: OutgoingRecipientRecord;
  /** The hub's delivery to this recipient (transport state), absent for internal units or before sending. */
  delivery: DeliveryRecord | null;
  events: RecipientEventRecord[];
}

/** Per recipient: transport state from the hub and business statuses with their times (domain.md §7.2 step 12). */
export async function getTracking(tx: TxPorts, actor: Actor, id: string): Promise<{ documentId: string; packageId: string | null; recipients: RecipientTracking[]; changes: OutgoingChangeRecord[] }> {
  const doc = await loadVisible(tx, actor, id);
  const recipients = await tx.outgoing.listRecipients(doc.id);
  const changes = await tx.outgoing.listChanges(doc.id);
  const deliveries = doc.packageSha256 && doc.packageId ? await tx.hub.listDeliveriesOfPackage(doc.packageId) : [];
  // A recipient added by an update got the document in the update's package.
  const later: DeliveryRecord[] = [];
  for (const c of changes) if (c.kind === 'update' && c.packageId) later.push(...(await tx.hub.listDeliveriesOfPackage(c.packageId)));
  const events = await tx.outgoing.listRecipientEvents(doc.id);
  return {
    documentId: doc.id,
    packageId: doc.packageSha256 ? doc.packageId : null,
    recipients: recipients.map((r) => ({
      recipient: r,
      delivery: (r.organCode && (deliveries.find((d) => d.receiverCode === r.organCode) ?? later.find((d) => d.receiverCode === r.organCode))) || null,
      events: events.filter((e) => e.recipientId === r.id),
    })),
    changes,
  };
}
