/**
 * Issue 5 acceptance (b): the sending deployment is killed with SIGKILL while it delivers 1,000
 * packages, then restarted on the same data; the receiver ends with exactly 1,000 distinct documents.
 * The test plays the province's e-office system: it hands each package to hub A until A acknowledges
 * it (retrying through the crash), as an endpoint's own outbox would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentPackage, inboxRows, pushUntilAcknowledged, type BuiltPackage } from './exchange-client.ts';
import { sleep, waitUntil } from './instance.ts';
import { SETUP_TIMEOUT_MS, startTwoInstances, type TwoInstances } from './two-instances.ts';

const TOTAL = 1000;
// On an idle 2-core machine A takes in ~10 packages/s and delivers about as fast; under heavy load (other
// suites) several times slower, hence the generous bounds below.
const KILL_AFTER_ACKS = 300;
// Deployment B runs on the PostgreSQL server (issue 5 item 9); without TEST_DATABASE_URL these are skipped.
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!withPostgres)(`[pglite↔postgres] sending deployment killed mid-delivery`, () => {
  let two: TwoInstances;

  beforeAll(async () => {
    two = await startTwoInstances({ portA: 3320, portB: 3321 });
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await two?.close();
  });

  it('(b) SIGKILL while delivering 1,000 packages, restart: the receiver holds exactly 1,000 distinct', { timeout: 1_200_000 }, async () => {
    const from = two.a.codes.get('Sở Nội vụ tỉnh Bạc Liêu')!;
    const to = two.b.codes.get('Sở Nội vụ tỉnh Cà Mau')!;
    const packages: BuiltPackage[] = Array.from({ length: TOTAL }, () => documentPackage(from, [to], two.a.signer));
    const ids = packages.map((p) => p.packageId);

    let acked = 0;
    let next = 0;
    const pushers = Array.from({ length: 4 }, async () => {
      while (next < TOTAL) {
        const p = packages[next++]!;
        await pushUntilAcknowledged(two.a, p, 400_000);
        acked++;
      }
    });
    const pushed = Promise.all(pushers);
    pushed.catch(() => undefined); // awaited below; a refusal must not surface as unhandled meanwhile
    await waitUntil(`${KILL_AFTER_ACKS} packages acknowledged by A`, async () => (acked >= KILL_AFTER_ACKS ? true : undefined), 240_000, 100);
    const receivedBeforeKill = withPostgres ? (await inboxRows(two.b.instance, ids)).length : undefined;
    await two.a.instance.kill();
    const killedAt = Date.now();
    if (receivedBeforeKill !== undefined) {
      // Killed while delivering: B had some, not all.
      expect(receivedBeforeKill).toBeGreaterThan(0);
      expect(receivedBeforeKill).toBeLessThan(TOTAL);
    }
    await sleep(1000);
    await two.a.instance.start();
    console.log(`A restarted ${((Date.now() - killedAt) / 1000).toFixed(1)} s after SIGKILL; B held ${receivedBeforeKill ?? '?'} at the kill`);
    await pushed;
    console.log(`all ${TOTAL} acknowledged by A ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill`);

    let seen = 0;
    const rows = await waitUntil(() => `all ${TOTAL} packages in B's inbox (${seen} there)`, async () => {
      const r = await inboxRows(two.b.instance, ids);
      seen = r.length;
      return r.length >= TOTAL ? r : undefined;
    }, 600_000, 2000);
    await sleep(3000);
    const settled = await inboxRows(two.b.instance, ids);
    expect(settled).toHaveLength(TOTAL);
    expect(new Set(settled.map((r) => r.package_id)).size).toBe(TOTAL);
    expect(rows.length).toBe(TOTAL);
  });
});
