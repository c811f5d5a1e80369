import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../../domain/exchange/retry-policy.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { DEFAULT_HUB_SETTINGS } from '../hub/hub-deps.ts';
import { resolveReceiver } from '../hub/routing.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeliveryRecord } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertCan, loadVisible } from './outgoing-access.ts';

/**
 * The clerk resends an issued document to one recipient whose delivery failed for good (dead): the
 * same package id and bytes, a new attempt series (exchange.md §4.4); receivers deduplicate.
 */
export async function resendDelivery(tx: TxPorts, deps: { clock: Clock; retry?: RetryPolicy; nodeName?: string }, actor: Actor, id: string, recipientId: string): Promise<DeliveryRecord> {
  const doc = await loadVisible(tx, actor, id);
  assertCan(actor, doc.agencyId, 'document.send', 'Chỉ văn thư được gửi lại văn bản.');
  const recipient = (await tx.outgoing.listRecipients(doc.id)).find((r) => r.id === recipientId);
  if (!recipient) throw notFound('Nơi nhận');
  const d = recipient.organCode && doc.packageId ? (await tx.hub.listDeliveriesOfPackage(doc.packageId)).find((x) => x.receiverCode === recipient.organCode) : undefined;
  if (!d) throw new AppError(ErrorCode.OUTGOING_NOT_RESENDABLE, 'Nơi nhận này chưa có lượt chuyển qua trục liên thông.');
  const locked = (await tx.hub.findDelivery(d.id, { lock: true }))!;
  if (locked.state !== 'dead') throw new AppError(ErrorCode.OUTGOING_NOT_RESENDABLE, 'Chỉ gửi lại được lượt chuyển đã thất bại (dừng chuyển).');
  const now = deps.clock.now();
  const route = await resolveReceiver(tx, locked.receiverCode, now);
  if (route.route === 'none') throw new AppError(ErrorCode.OUTGOING_NOT_RESENDABLE, `Không gửi lại được: ${route.message}`);
  const patch = {
    state: 'pending' as const, attempts: 0, nextAttemptAt: now, expiresAt: new Date(now.getTime() + (deps.retry ?? DEFAULT_RETRY_POLICY).ttlMs),
    firstAttemptAt: null, lastAttemptAt: null, lastErrorCode: null, lastErrorOrigin: null, lastErrorMessage: null,
    route: route.route, receiverAgencyId: route.receiverAgencyId, peerId: route.peerId,
  };
  await tx.hub.updateDelivery(locked.id, patch);
  const pkg = await tx.hub.findPackage(locked.packageId);
  await tx.hubTrace.record({
    kind: 'resent', packageId: locked.packageId, documentId: pkg?.documentId ?? null, fromNode: deps.nodeName ?? DEFAULT_HUB_SETTINGS.nodeName, toNode: locked.receiverCode,
    packageSha256: pkg?.payloadSha256 ?? null, data: { by: actor.username, previousCode: locked.lastErrorCode, previousAttempts: locked.attempts },
  });
  await tx.audit.record({
    type: 'outgoing.delivery_resent', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'outgoing_document', subjectId: doc.id,
    data: { recipientId, deliveryId: locked.id, receiverCode: locked.receiverCode, previousCode: locked.lastErrorCode, previousAttempts: locked.attempts },
  });
  return { ...locked, ...patch };
}
