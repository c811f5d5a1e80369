/** Queue depth and age for operators (exchange.md §4.4; issue 5 item 6). */
import type { Actor } from '../actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { DeliveryRoute, DeliveryState } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertOperator } from './operator-access.ts';

export interface QueueView {
  state: DeliveryState;
  route: DeliveryRoute;
  count: number;
  /** Seconds since the oldest delivery in this queue was taken into custody. */
  oldestAgeSeconds: number | null;
}

export async function findQueues(tx: TxPorts, deps: { clock: Clock }, actor: Actor): Promise<QueueView[]> {
  assertOperator(actor);
  const now = deps.clock.now().getTime();
  return (await tx.hub.queueStats()).map((q) => ({
    state: q.state, route: q.route, count: q.count,
    oldestAgeSeconds: q.oldestCreatedAt ? Math.max(0, Math.round((now - q.oldestCreatedAt.getTime()) / 1000)) : null,
  }));
}
