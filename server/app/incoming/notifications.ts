/** The user's own notifications: list, unread count, mark read. */
import type { Actor } from '../actor.ts';
import type { NotificationRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

export async function findNotifications(tx: TxPorts, actor: Actor): Promise<{ items: NotificationRecord[]; unread: number; latestSeq: number }> {
  const [items, summary] = await Promise.all([tx.notifications.list(actor.userId, 50), tx.notifications.summary(actor.userId)]);
  return { items, ...summary };
}

export async function updateNotificationsRead(tx: TxPorts, deps: { clock: { now(): Date } }, actor: Actor, ids: readonly string[] | 'all'): Promise<{ updated: number }> {
  const updated = await tx.notifications.markRead(actor.userId, ids, deps.clock.now());
  if (updated > 0) {
    await tx.audit.record({ type: 'notification.read', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: actor.agencyId, subjectType: 'user', subjectId: actor.userId, data: { count: updated } });
  }
  return { updated };
}
