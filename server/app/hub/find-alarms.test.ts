import { describe, expect, it } from 'vitest';
import { stuckAlarms } from './find-alarms.ts';

const now = new Date('2026-03-02T10:00:00Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe('stuck-queue alarms', () => {
  it('takes the oldest of the waiting queues, ignores dead letters, and skips inactive peers and peers without backlog', () => {
    const alarms = stuckAlarms({
      queues: [
        { state: 'dead', route: 'none', count: 4, oldestCreatedAt: ago(600) },
        { state: 'failed', route: 'peer', count: 2, oldestCreatedAt: ago(45) },
        { state: 'pending', route: 'local', count: 3, oldestCreatedAt: ago(5) },
      ],
      peers: [
        { id: 'a', name: 'Ngừng', active: false, lastSuccessAt: null },
        { id: 'b', name: 'Không tồn đọng', active: true, lastSuccessAt: ago(900) },
        { id: 'c', name: 'Kẹt', active: true, lastSuccessAt: ago(900) },
      ],
      backlog: [
        { peerId: 'a', waiting: 5, dead: 0, oldestWaitingAt: ago(120) },
        { peerId: 'b', waiting: 0, dead: 3, oldestWaitingAt: null },
        { peerId: 'c', waiting: 2, dead: 0, oldestWaitingAt: ago(45) },
      ],
    }, now, 30);
    expect(alarms).toEqual([
      { kind: 'queue', waiting: 5, since: ago(45).toISOString(), ageSeconds: 45 * 60 },
      { kind: 'peer', peerId: 'c', peerName: 'Kẹt', waiting: 2, lastSuccessAt: ago(900).toISOString(), since: ago(45).toISOString(), ageSeconds: 45 * 60 },
    ]);
    expect(stuckAlarms({ queues: [{ state: 'failed', route: 'peer', count: 2, oldestCreatedAt: ago(45) }], peers: [], backlog: [] }, now, 60)).toEqual([]);
  });
});
