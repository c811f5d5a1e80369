/**
 * An operator abandons a dead letter (exchange.md §4.4): the delivery is kept (state `abandoned`,
 * never deleted) with who, when and the reason, which the sender sees; the trace records it and the
 * audit log too. Later packages of the same document to that receiver are no longer held behind it (§4.5).
 */
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeliveryRecord } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { exchangeError } from './exchange-errors.ts';
import { DEFAULT_HUB_SETTINGS } from './hub-deps.ts';
import { assertOperator } from './operator-access.ts';

export async function abandonDeadLetter(
  tx: TxPorts,
  deps: { clock: Clock; nodeName?: string },
  actor: Actor,
  deliveryId: string,
  input: { reason: string },
): Promise<DeliveryRecord> {
  assertOperator(actor);
  const reason = input.reason.trim();
  if (!reason) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Cần nêu lý do bỏ chuyển gói tin.', { field: 'reason' });
  const d = await tx.hub.findDelivery(deliveryId, { lock: true });
  if (!d) throw notFound('Gói tin không chuyển được');
  if (d.state !== 'dead') throw exchangeError('EXCHANGE_NOT_DEAD_LETTER', 'Chỉ bỏ chuyển được gói tin đã dừng chuyển (thư chết).', 'hub');
  const now = deps.clock.now();
  const pkg = (await tx.hub.findPackage(d.packageId))!;
  const message = `Người vận hành trục đã bỏ chuyển: ${reason}`;
  await tx.hub.updateDelivery(d.id, { state: 'abandoned', lastErrorMessage: message, abandonedReason: reason, abandonedBy: actor.username, abandonedAt: now });
  await tx.hubTrace.record({
    kind: 'abandoned', packageId: d.packageId, documentId: pkg.documentId, fromNode: deps.nodeName ?? DEFAULT_HUB_SETTINGS.nodeName, toNode: d.receiverCode,
    packageSha256: pkg.payloadSha256, errorCode: d.lastErrorCode, errorOrigin: d.lastErrorOrigin, data: { by: actor.username, reason, attempts: d.attempts },
  });
  await tx.audit.record({
    type: 'hub.dead_letter_abandoned', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: null, subjectType: 'hub_delivery', subjectId: d.id,
    data: { packageId: d.packageId, receiverCode: d.receiverCode, code: d.lastErrorCode, reason },
  });
  return { ...d, state: 'abandoned', lastErrorMessage: message };
}
