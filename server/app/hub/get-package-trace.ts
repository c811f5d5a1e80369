/** Every hop of one package (exchange.md §4.7) and the state of each of its deliveries. */
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { DeliveryRecord, TraceRecord } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertOperator } from './operator-access.ts';

export async function getPackageTrace(tx: TxPorts, actor: Actor, packageId: string): Promise<{ events: TraceRecord[]; deliveries: DeliveryRecord[] }> {
  assertOperator(actor);
  const events = await tx.hubTrace.listForPackage(packageId);
  if (events.length === 0) throw notFound('Gói tin');
  return { events, deliveries: await tx.hub.listDeliveriesOfPackage(packageId) };
}
