import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyHubTrace } from '../../server/adapters/db/hub-trace.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { describeEachEngine, NAMES } from './harness.ts';
import { addLocalOrgan, addPeer, codeOf, deliveriesOf, documentPackage, FakePeerHub, hubDeps, inboxOf, sendThroughHub, traceKinds } from './hub-helpers.ts';

const PEER_TOKEN = 'outbound-token-for-the-fake-peer-0123456789';

describeEachEngine('hub: delivery to a peer hub, retries, dead letters, ordering', { seed: true }, (env) => {
  const peer = new FakePeerHub();
  beforeAll(async () => {
    await peer.start();
  });
  afterAll(async () => {
    await peer.stop();
  });

  it('C61/C62: a failing peer is retried with back-off, the delivery goes dead after the limit, and an operator resend delivers it once', async () => {
    const e = env();
    await addPeer(e, { name: 'Trục tỉnh Ví Dụ', codePrefixes: ['H98'], endpointUrl: peer.url, outboundToken: PEER_TOKEN });
    const snv = await codeOf(e, NAMES.SNV);
    const pkg = documentPackage(snv.code, ['000.00.12.H98'], { number: '21' });
    await sendThroughHub(e, snv, ['000.00.12.H98'], pkg);
    const deps = hubDeps(e, { maxAttempts: 3 });
    peer.failing = true;

    expect(await deliverDue(deps)).toEqual({ delivered: 0, failed: 1, dead: 0 });
    let [d] = await deliveriesOf(e, pkg.packageId);
    expect(d).toMatchObject({ state: 'failed', attempts: 1, last_error_code: 'EXCHANGE_PEER_REFUSED', last_error_origin: 'peer' });
    // 30 s after the first failure (jitter pinned to the middle), not before.
    expect(new Date(d!.next_attempt_at).getTime() - e.clock.now().getTime()).toBe(30_000);
    e.clock.advance(29_000);
    expect(await deliverDue(deps)).toEqual({ delivered: 0, failed: 0, dead: 0 });
    e.clock.advance(1_000);
    expect(await deliverDue(deps)).toEqual({ delivered: 0, failed: 1, dead: 0 });
    [d] = await deliveriesOf(e, pkg.packageId);
    expect(new Date(d!.next_attempt_at).getTime() - e.clock.now().getTime()).toBe(120_000);
    e.clock.advance(120_000);
    expect(await deliverDue(deps)).toEqual({ delivered: 0, failed: 0, dead: 1 });
    [d] = await deliveriesOf(e, pkg.packageId);
    expect(d).toMatchObject({ state: 'dead', attempts: 3, last_error_code: 'EXCHANGE_PEER_REFUSED', last_error_origin: 'peer' });
    const attempts = peer.received.filter((r) => r.packageId === pkg.packageId);
    expect(attempts).toHaveLength(3);
    expect(attempts.every((a) => a.authorization === `Bearer ${PEER_TOKEN}` && a.sha256 === attempts[0]!.sha256)).toBe(true);

    // The operator sees it, with code and origin, and resends it.
    const operator = await e.login('vanhanh');
    const list = await e.request(operator, { method: 'GET', url: '/api/hub/dead-letters' });
    expect(list.statusCode, list.body).toBe(200);
    const item = (list.json() as { items: { deliveryId: string; packageId: string; code: string; origin: string; attempts: number }[] }).items.find((i) => i.packageId === pkg.packageId);
    expect(item).toMatchObject({ deliveryId: d!.id, code: 'EXCHANGE_PEER_REFUSED', origin: 'peer', attempts: 3 });
    const health = (await e.request(operator, { method: 'GET', url: '/api/hub/peers' })).json() as { items: { name: string; dead: number; consecutiveFailures: number; lastSuccessAt: string | null }[] };
    expect(health.items.find((p) => p.name === 'Trục tỉnh Ví Dụ')).toMatchObject({ dead: 1, consecutiveFailures: 3, lastSuccessAt: null });

    peer.failing = false;
    const resent = await e.request(operator, { method: 'POST', url: `/api/hub/dead-letters/${d!.id}/resend` });
    expect(resent.statusCode, resent.body).toBe(200);
    expect(resent.json()).toMatchObject({ state: 'pending', attempts: 0, lastErrorCode: null });
    expect(await deliverDue(deps)).toEqual({ delivered: 1, failed: 0, dead: 0 });
    expect(await deliverDue(deps)).toEqual({ delivered: 0, failed: 0, dead: 0 });
    [d] = await deliveriesOf(e, pkg.packageId);
    expect(d).toMatchObject({ state: 'delivered', ack_result: 'accepted', ack_sha256: attempts[0]!.sha256 });
    expect(peer.received.filter((r) => r.packageId === pkg.packageId)).toHaveLength(4);
    expect(await traceKinds(e, pkg.packageId)).toEqual([
      'custody', 'queued', 'attempt', 'attempt_failed', 'attempt', 'attempt_failed', 'attempt', 'attempt_failed', 'dead', 'resent', 'attempt', 'receipt', 'delivered',
    ]);
    const trace = await e.request(operator, { method: 'GET', url: `/api/hub/packages/${pkg.packageId}/trace` });
    expect(trace.statusCode, trace.body).toBe(200);
    expect((trace.json() as { events: unknown[] }).events).toHaveLength(13);
    const audit = await e.database.db.selectFrom('audit_events').select(['type', 'subject_id']).where('type', '=', 'hub.dead_letter_resent').execute();
    expect(audit).toEqual([{ type: 'hub.dead_letter_resent', subject_id: d!.id }]);
    // A delivered package is no dead letter any more.
    const again = await e.request(operator, { method: 'POST', url: `/api/hub/dead-letters/${d!.id}/resend` });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'EXCHANGE_NOT_DEAD_LETTER' });
  });

  it('C63/C64: a revocation waits while its document is undelivered; another document to the same receiver is not held up', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const to = ['000.00.12.H98'];
    const deps = hubDeps(e);
    const doc = documentPackage(snv.code, to, { number: '31' });
    const revoke = documentPackage(snv.code, to, { number: '31', revoke: doc.documentId });
    const other = documentPackage(snv.code, to, { number: '32' });
    peer.failing = true;
    peer.received = [];
    await sendThroughHub(e, snv, to, doc);
    await sendThroughHub(e, snv, to, revoke, { revokes: doc.documentId });

    expect(await deliverDue(deps)).toEqual({ delivered: 0, failed: 1, dead: 0 });
    expect(peer.received.map((r) => r.packageId)).toEqual([doc.packageId]);
    e.clock.advance(60 * 60_000);
    expect(await deliverDue(deps)).toEqual({ delivered: 0, failed: 1, dead: 0 });
    expect(peer.received.map((r) => r.packageId)).toEqual([doc.packageId, doc.packageId]);
    expect((await deliveriesOf(e, revoke.packageId))[0]).toMatchObject({ state: 'pending', attempts: 0 });

    // The peer recovers for everything at once: the other document goes, and the revocation only after its document.
    peer.failing = false;
    await sendThroughHub(e, snv, to, other);
    expect(await deliverDue(deps)).toEqual({ delivered: 1, failed: 0, dead: 0 });
    expect(peer.received.map((r) => r.packageId)).toEqual([doc.packageId, doc.packageId, other.packageId]);
    e.clock.advance(60 * 60_000);
    expect(await deliverDue(deps)).toEqual({ delivered: 2, failed: 0, dead: 0 });
    expect(peer.received.map((r) => r.packageId)).toEqual([doc.packageId, doc.packageId, other.packageId, doc.packageId, revoke.packageId]);
  });

  it('C63/C67 with delivery lanes: four lanes deliver ten documents and their revocations once each, every revocation after its document', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const to = ['000.00.12.H98'];
    const deps = hubDeps(e);
    peer.failing = false;
    await deliverDue(deps);
    peer.received = [];
    const pairs = Array.from({ length: 10 }, (_, i) => {
      const doc = documentPackage(snv.code, to, { number: String(400 + i) });
      return { doc, revoke: documentPackage(snv.code, to, { number: String(400 + i), revoke: doc.documentId }) };
    });
    for (const p of pairs) {
      await sendThroughHub(e, snv, to, p.doc);
      await sendThroughHub(e, snv, to, p.revoke, { revokes: p.doc.documentId });
    }
    let delivered = 0;
    for (let pass = 0; pass < 10 && delivered < 20; pass++) delivered += (await deliverDue(deps, { lanes: 4 })).delivered;
    expect(delivered).toBe(20);
    const order = peer.received.map((r) => r.packageId);
    expect(new Set(order).size).toBe(20);
    expect(order).toHaveLength(20);
    for (const p of pairs) expect(order.indexOf(p.doc.packageId)).toBeLessThan(order.indexOf(p.revoke.packageId));
  });

  it('C63/C67/C68 with batched claims: two loops claiming four deliveries a transaction deliver documents and revocations once each, in order, the trace chain intact', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const to = ['000.00.12.H98'];
    const deps = hubDeps(e);
    peer.failing = false;
    await deliverDue(deps);
    peer.received = [];
    const pairs = Array.from({ length: 8 }, (_, i) => {
      const doc = documentPackage(snv.code, to, { number: String(500 + i) });
      return { doc, revoke: documentPackage(snv.code, to, { number: String(500 + i), revoke: doc.documentId }) };
    });
    for (const p of pairs) {
      await sendThroughHub(e, snv, to, p.doc);
      await sendThroughHub(e, snv, to, p.revoke, { revokes: p.doc.documentId });
    }
    let delivered = 0;
    for (let pass = 0; pass < 10 && delivered < 16; pass++) delivered += (await deliverDue(deps, { lanes: 8, batch: 4 })).delivered;
    expect(delivered).toBe(16);
    const order = peer.received.map((r) => r.packageId);
    expect(order).toHaveLength(16);
    expect(new Set(order).size).toBe(16);
    for (const p of pairs) expect(order.indexOf(p.doc.packageId)).toBeLessThan(order.indexOf(p.revoke.packageId));
    for (const p of pairs) expect(await traceKinds(e, p.revoke.packageId)).toEqual(['custody', 'queued', 'attempt', 'receipt', 'delivered']);
    // Several records per transaction (a batch's attempts, then its receipts) still chain one after another.
    expect(await verifyHubTrace(e.database.db)).toMatchObject({ ok: true });
    // This peer has no batch endpoint (404): the client remembers it and pushes one by one, without asking again.
    const tried = peer.batchRequests;
    expect(tried).toBeGreaterThan(0);
    for (const n of ['520', '521']) await sendThroughHub(e, snv, to, documentPackage(snv.code, to, { number: n }));
    expect(await deliverDue(deps, { lanes: 8, batch: 4 })).toMatchObject({ delivered: 2 });
    expect(peer.batchRequests).toBe(tried);
  });

  it('C62: a delivery still undelivered after the time to live becomes a dead letter with EXCHANGE_EXPIRED', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const pkg = documentPackage(snv.code, ['000.00.12.H98'], { number: '41' });
    peer.failing = true;
    await sendThroughHub(e, snv, ['000.00.12.H98'], pkg);
    const deps = hubDeps(e);
    expect(await deliverDue(deps)).toEqual({ delivered: 0, failed: 1, dead: 0 });
    e.clock.advance(73 * 60 * 60_000);
    expect(await deliverDue(deps)).toEqual({ delivered: 0, failed: 0, dead: 1 });
    expect((await deliveriesOf(e, pkg.packageId))[0]).toMatchObject({ state: 'dead', last_error_code: 'EXCHANGE_EXPIRED', last_error_origin: 'hub' });
    expect(await traceKinds(e, pkg.packageId)).toEqual(['custody', 'queued', 'attempt', 'attempt_failed', 'expired', 'dead']);
  });

  it('circuit breaker: five failures in a row pause a peer for five minutes; its other packages wait, nothing is lost', async () => {
    const e = env();
    const flaky = new FakePeerHub();
    await flaky.start();
    try {
      await addPeer(e, { name: 'Trục chập chờn', codePrefixes: ['H95'], endpointUrl: flaky.url });
      const snv = await codeOf(e, NAMES.SNV);
      const pkgs = [71, 72, 73, 74, 75, 76].map((n) => documentPackage(snv.code, ['000.00.01.H95'], { number: String(n) }));
      for (const p of pkgs) await sendThroughHub(e, snv, ['000.00.01.H95'], p);
      expect(await deliverDue(hubDeps(e))).toEqual({ delivered: 0, failed: 5, dead: 0 });
      expect(flaky.received).toHaveLength(5);
      e.clock.advance(60_000);
      expect(await deliverDue(hubDeps(e))).toEqual({ delivered: 0, failed: 0, dead: 0 });
      expect(flaky.received).toHaveLength(5);
      const operator = await e.login('vanhanh');
      const queues = (await e.request(operator, { method: 'GET', url: '/api/hub/queues' })).json() as { items: { state: string; route: string; count: number; oldestAgeSeconds: number }[] };
      expect(queues.items).toContainEqual({ state: 'failed', route: 'peer', count: 5, oldestAgeSeconds: 60 });
      flaky.failing = false;
      e.clock.advance(4 * 60_000 + 1_000);
      expect(await deliverDue(hubDeps(e))).toEqual({ delivered: 6, failed: 0, dead: 0 });
      expect(new Set(flaky.received.map((r) => r.packageId))).toEqual(new Set(pkgs.map((p) => p.packageId)));
    } finally {
      await flaky.stop();
    }
  });
  it('an agency of another province listed in the directory goes to the hub serving that province, not to a local inbox', async () => {
    const e = env();
    const elsewhere = await addLocalOrgan(e, 'Sở Nội vụ tỉnh Ví Dụ Khác', '000.00.02.H93');
    await addPeer(e, { name: 'Trục tỉnh H93', codePrefixes: ['H93'], endpointUrl: peer.url, outboundToken: PEER_TOKEN });
    peer.failing = false;
    const snv = await codeOf(e, NAMES.SNV);
    const stc = await codeOf(e, NAMES.STC);
    const pkg = documentPackage(snv.code, ['000.00.02.H93', stc.code], { number: '31' });
    await sendThroughHub(e, snv, ['000.00.02.H93', stc.code], pkg);
    await deliverDue(hubDeps(e));
    const deliveries = await deliveriesOf(e, pkg.packageId);
    expect(deliveries.map((d) => [d.receiver_code, d.route, d.state])).toEqual([['000.00.02.H93', 'peer', 'delivered'], [stc.code, 'local', 'delivered']]);
    expect(peer.received.filter((r) => r.packageId === pkg.packageId)).toHaveLength(1);
    expect(await inboxOf(e, elsewhere)).toEqual([]);
    expect((await inboxOf(e, stc.agencyId)).map((r) => r.package_id)).toContain(pkg.packageId);
  });
});
