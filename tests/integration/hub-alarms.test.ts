/** Stuck-queue alarms on the operator's hub screen (GET /api/hub/alarms, HUB_STUCK_ALARM_MINUTES default 30), with a fixed clock. */
import { expect, it } from 'vitest';
import { describeEachEngine, NAMES } from './harness.ts';
import { addPeer, codeOf, documentPackage, sendThroughHub } from './hub-helpers.ts';

interface Alarms { thresholdMinutes: number; items: { kind: string; peerName?: string; waiting: number; ageSeconds: number; since: string }[] }

describeEachEngine('hub: stuck-queue alarms', { seed: true }, (env) => {
  it('warns once the oldest waiting package and a peer without success pass the threshold; a recent success quiets the peer, dead letters do not count', async () => {
    const e = env();
    const t0 = new Date('2026-03-02T03:00:00Z');
    e.clock.set(t0);
    const op = await e.login('vanhanh');
    const alarms = async () => {
      const res = await e.request(op, { method: 'GET', url: '/api/hub/alarms' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Alarms;
    };
    const { peer } = await addPeer(e, { name: 'Trục tỉnh chậm', codePrefixes: ['H77'], endpointUrl: 'http://127.0.0.1:9/' });
    const snv = await codeOf(e, NAMES.SNV);
    await sendThroughHub(e, snv, ['000.00.01.H77'], documentPackage(snv.code, ['000.00.01.H77'], { number: '71' }));
    // A dead letter (unknown receiver) as old as the rest: it has its own list and raises no alarm.
    await sendThroughHub(e, snv, ['000.00.66.H96'], documentPackage(snv.code, ['000.00.66.H96'], { number: '72' }));

    e.clock.set(new Date(t0.getTime() + 30 * 60_000));
    expect(await alarms()).toEqual({ thresholdMinutes: 30, items: [] });

    e.clock.set(new Date(t0.getTime() + 31 * 60_000));
    const late = await alarms();
    expect(late.items).toEqual([
      { kind: 'queue', waiting: 1, since: t0.toISOString(), ageSeconds: 31 * 60 },
      { kind: 'peer', peerId: peer.id, peerName: 'Trục tỉnh chậm', waiting: 1, lastSuccessAt: null, since: t0.toISOString(), ageSeconds: 31 * 60 },
    ]);

    // The peer delivered something 20 minutes in: only 11 minutes without success, so only the queue warns.
    await e.deps.uow.run((tx) => tx.hub.updatePeerHealth(peer.id, { lastSuccessAt: new Date(t0.getTime() + 20 * 60_000) }));
    expect((await alarms()).items.map((a) => a.kind)).toEqual(['queue']);
  });
});
