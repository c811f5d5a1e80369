/**
 * Taking custody of a package (exchange.md §4.3 steps 1–2): the outbox row, one delivery per
 * receiving organ and the trace events commit together. A receiver that cannot be routed gets its
 * delivery straight in `dead` with the code and origin `hub`; the others are still served.
 */
import { ExchangeErrorCode as E } from '../../domain/exchange/refusal.ts';
import type { RetryPolicy } from '../../domain/exchange/retry-policy.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeliveryRecord, NewOutbox, OutboxRecord } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { resolveReceiver, type Route } from './routing.ts';

export interface CustodyResult {
  outbox: OutboxRecord;
  deliveries: DeliveryRecord[];
}

/** Undefined when another transaction took custody of the same package id first. */
export async function takeCustody(
  tx: TxPorts,
  deps: { clock: Clock; retry: RetryPolicy; nodeName: string },
  pkg: Omit<NewOutbox, 'createdAt'>,
  trace: { fromNode: string; data?: Record<string, unknown> },
): Promise<CustodyResult | undefined> {
  const now = deps.clock.now();
  const outbox = await tx.hub.insertPackage({ ...pkg, createdAt: now });
  if (!outbox) return undefined;
  const base = { packageId: outbox.packageId, documentId: outbox.documentId, packageSha256: outbox.payloadSha256 };
  await tx.hubTrace.record({ ...base, kind: 'custody', fromNode: trace.fromNode, toNode: deps.nodeName, data: { kind: outbox.kind, receivers: outbox.receiverCodes, ...trace.data } });
  const expiresAt = new Date(now.getTime() + deps.retry.ttlMs);
  const deliveries: DeliveryRecord[] = [];
  for (const receiverCode of [...new Set(outbox.receiverCodes)]) {
    let route: Route = await resolveReceiver(tx, receiverCode, now);
    // Never hand a package back to the hub it came from: two hubs would bounce it until it expired.
    if (route.route === 'peer' && pkg.fromPeerId !== null && route.peerId === pkg.fromPeerId) {
      route = { route: 'none', code: E.EXCHANGE_UNKNOWN_RECEIVER, message: `Cơ quan nhận ${receiverCode} không thuộc trục này; gói tin không được trả về trục gửi` };
    }
    const common = {
      outboxId: outbox.id, packageId: outbox.packageId, senderCode: outbox.senderCode, receiverCode, documentKey: outbox.documentKey,
      nextAttemptAt: now, expiresAt, createdAt: now,
    };
    if (route.route === 'none') {
      deliveries.push(await tx.hub.insertDelivery({
        ...common, route: 'none', receiverAgencyId: null, peerId: null, state: 'dead',
        lastErrorCode: route.code, lastErrorOrigin: 'hub', lastErrorMessage: route.message,
      }));
      await tx.hubTrace.record({ ...base, kind: 'refused', fromNode: deps.nodeName, toNode: receiverCode, errorCode: route.code, errorOrigin: 'hub', data: { message: route.message, ...(route.successor ? { successor: route.successor } : {}) } });
      continue;
    }
    deliveries.push(await tx.hub.insertDelivery({ ...common, route: route.route, receiverAgencyId: route.receiverAgencyId, peerId: route.peerId, state: 'pending' }));
    await tx.hubTrace.record({ ...base, kind: 'queued', fromNode: deps.nodeName, toNode: receiverCode, data: { route: route.route, ...(route.peerName ? { peer: route.peerName } : {}) } });
  }
  return { outbox, deliveries };
}
