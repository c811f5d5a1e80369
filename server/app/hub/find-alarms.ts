/**
 * Stuck-queue alarms for operators (issue 5 item 6): the oldest package not yet delivered has waited
 * longer than HUB_STUCK_ALARM_MINUTES, or a peer with packages waiting has had no successful
 * delivery for that long. Dead letters are not "stuck" (they have their own list and count).
 */
import type { Actor } from '../actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { PeerBacklog, PeerRecord, QueueStats } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertOperator } from './operator-access.ts';

const WAITING_STATES: readonly string[] = ['pending', 'sending', 'failed'];

export type HubAlarm =
  | { kind: 'queue'; waiting: number; since: string; ageSeconds: number }
  | { kind: 'peer'; peerId: string; peerName: string; waiting: number; lastSuccessAt: string | null; since: string; ageSeconds: number };

export interface HubAlarms {
  thresholdMinutes: number;
  items: HubAlarm[];
}

const ageOf = (since: Date, now: Date) => Math.max(0, Math.round((now.getTime() - since.getTime()) / 1000));

/** The alarms for these figures at `now`; a pure function so that the rule is tested without a database. */
export function stuckAlarms(
  input: { queues: QueueStats[]; peers: Pick<PeerRecord, 'id' | 'name' | 'active' | 'lastSuccessAt'>[]; backlog: PeerBacklog[] },
  now: Date,
  thresholdMinutes: number,
): HubAlarm[] {
  const limitMs = thresholdMinutes * 60_000;
  const stale = (since: Date) => now.getTime() - since.getTime() > limitMs;
  const alarms: HubAlarm[] = [];
  const waiting = input.queues.filter((q) => WAITING_STATES.includes(q.state));
  const oldest = waiting.map((q) => q.oldestCreatedAt).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0];
  if (oldest && stale(oldest)) {
    alarms.push({ kind: 'queue', waiting: waiting.reduce((n, q) => n + q.count, 0), since: oldest.toISOString(), ageSeconds: ageOf(oldest, now) });
  }
  const backlog = new Map(input.backlog.map((b) => [b.peerId, b]));
  for (const p of input.peers) {
    const b = backlog.get(p.id);
    if (!p.active || !b || b.waiting === 0 || !b.oldestWaitingAt) continue;
    // No success since the backlog began: the later of the last success and the oldest waiting package.
    const since = p.lastSuccessAt && p.lastSuccessAt.getTime() > b.oldestWaitingAt.getTime() ? p.lastSuccessAt : b.oldestWaitingAt;
    if (!stale(since)) continue;
    alarms.push({
      kind: 'peer', peerId: p.id, peerName: p.name, waiting: b.waiting, lastSuccessAt: p.lastSuccessAt?.toISOString() ?? null,
      since: since.toISOString(), ageSeconds: ageOf(since, now),
    });
  }
  return alarms;
}

export async function findHubAlarms(tx: TxPorts, deps: { clock: Clock; stuckAlarmMinutes: number }, actor: Actor): Promise<HubAlarms> {
  assertOperator(actor);
  const [queues, peers, backlog] = [await tx.hub.queueStats(), await tx.hub.listPeers(), await tx.hub.peerBacklog()];
  return { thresholdMinutes: deps.stuckAlarmMinutes, items: stuckAlarms({ queues, peers, backlog }, deps.clock.now(), deps.stuckAlarmMinutes) };
}
