/**
 * An operator resends a dead letter (exchange.md §4.4): same package id and bytes, a new attempt
 * series, the time to live restarted; safe because receivers deduplicate. The route is looked up
 * again, so a receiver whose peer was registered since is now reached.
 */
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../domain/exchange/retry-policy.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeliveryRecord } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { exchangeError } from './exchange-errors.ts';
import { DEFAULT_HUB_SETTINGS } from './hub-deps.ts';
import { assertOperator } from './operator-access.ts';
import { resolveReceiver } from './routing.ts';

export async function resendDeadLetter(
  tx: TxPorts,
  deps: { clock: Clock; retry?: RetryPolicy; nodeName?: string },
  actor: Actor,
  deliveryId: string,
): Promise<DeliveryRecord> {
  assertOperator(actor);
  const d = await tx.hub.findDelivery(deliveryId, { lock: true });
  if (!d) throw notFound('Gói tin không chuyển được');
  if (d.state !== 'dead') throw exchangeError('EXCHANGE_NOT_DEAD_LETTER', 'Chỉ gửi lại được gói tin đã dừng chuyển (thư chết).', 'hub');
  const now = deps.clock.now();
  const route = await resolveReceiver(tx, d.receiverCode, now);
  const pkg = (await tx.hub.findPackage(d.packageId))!;
  const nodeName = deps.nodeName ?? DEFAULT_HUB_SETTINGS.nodeName;
  const trace = { packageId: d.packageId, documentId: pkg.documentId, fromNode: nodeName, toNode: d.receiverCode, packageSha256: pkg.payloadSha256 };
  if (route.route === 'none') {
    await tx.hub.updateDelivery(d.id, { lastErrorCode: route.code, lastErrorOrigin: 'hub', lastErrorMessage: route.message, lastAttemptAt: now });
    await tx.hubTrace.record({ ...trace, kind: 'refused', errorCode: route.code, errorOrigin: 'hub', data: { message: route.message, resendBy: actor.username } });
    throw exchangeError(route.code, route.message, 'hub');
  }
  const patch = {
    state: 'pending' as const, attempts: 0, nextAttemptAt: now, expiresAt: new Date(now.getTime() + (deps.retry ?? DEFAULT_RETRY_POLICY).ttlMs),
    firstAttemptAt: null, lastAttemptAt: null, lastErrorCode: null, lastErrorOrigin: null, lastErrorMessage: null,
    route: route.route, receiverAgencyId: route.receiverAgencyId, peerId: route.peerId,
  };
  await tx.hub.updateDelivery(d.id, patch);
  await tx.hubTrace.record({ ...trace, kind: 'resent', data: { by: actor.username, previousCode: d.lastErrorCode, previousAttempts: d.attempts } });
  await tx.audit.record({
    type: 'hub.dead_letter_resent', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: null, subjectType: 'hub_delivery', subjectId: d.id,
    data: { packageId: d.packageId, receiverCode: d.receiverCode, previousCode: d.lastErrorCode, previousAttempts: d.attempts },
  });
  return { ...d, ...patch };
}
