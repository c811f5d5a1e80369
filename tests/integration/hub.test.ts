import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { verifyHubTrace } from '../../server/adapters/db/hub-trace.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { AppError } from '../../server/app/errors.ts';
import { startWorker } from '../../server/entry/jobs/worker.ts';
import { sendPackage } from '../../server/app/hub/send-package.ts';
import { describeEachEngine, NAMES } from './harness.ts';
import { codeOf, deliveriesOf, documentPackage, hubDeps, inboxOf, sendThroughHub, traceKinds } from './hub-helpers.ts';

describeEachEngine('hub: local store-and-forward', { seed: true }, (env) => {
  it('C42/C57: a package between two agencies of this deployment lands exactly once in the receiver’s inbox', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const stc = await codeOf(e, NAMES.STC);
    const pkg = documentPackage(snv.code, [stc.code], { number: '11' });
    const before = (await inboxOf(e, stc.agencyId)).length;
    const sent = await sendThroughHub(e, snv, [stc.code], pkg);
    expect(sent.deliveries.map((d) => [d.receiverCode, d.route, d.state])).toEqual([[stc.code, 'local', 'pending']]);

    expect(await deliverDue(hubDeps(e))).toEqual({ delivered: 1, failed: 0, dead: 0 });
    expect(await deliverDue(hubDeps(e))).toEqual({ delivered: 0, failed: 0, dead: 0 });
    // The issuing flow retrying the same send (same id, same bytes) creates nothing new.
    await sendThroughHub(e, snv, [stc.code], pkg);
    await deliverDue(hubDeps(e));

    const inbox = (await inboxOf(e, stc.agencyId)).filter((r) => r.package_id === pkg.packageId);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ sender_code: snv.code, receiver_code: stc.code, document_id: pkg.documentId, kind: 'document' });
    expect((await inboxOf(e, stc.agencyId)).length).toBe(before + 1);
    expect((await deliveriesOf(e, pkg.packageId)).map((d) => d.state)).toEqual(['delivered']);
    expect(await traceKinds(e, pkg.packageId)).toEqual(['custody', 'queued', 'delivered']);
    // The stored bytes are the bytes sent (C70).
    const stored = await e.database.db.selectFrom('hub_outbox').select('payload_sha256').where('package_id', '=', pkg.packageId).executeTakeFirstOrThrow();
    const chunks: Buffer[] = [];
    for await (const c of await e.deps.files.get(stored.payload_sha256)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(pkg.bytes)).toBe(true);
  });

  it('C65: an unknown receiver code is refused with EXCHANGE_UNKNOWN_RECEIVER, origin hub, for that receiver only', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const stc = await codeOf(e, NAMES.STC);
    const pkg = documentPackage(snv.code, [stc.code, '000.00.77.H98'], { number: '12' });
    await sendThroughHub(e, snv, [stc.code, '000.00.77.H98'], pkg);
    await deliverDue(hubDeps(e));
    const ds = await deliveriesOf(e, pkg.packageId);
    expect(ds.map((d) => [d.receiver_code, d.state, d.last_error_code, d.last_error_origin])).toEqual([
      [stc.code, 'delivered', null, null],
      ['000.00.77.H98', 'dead', 'EXCHANGE_UNKNOWN_RECEIVER', 'hub'],
    ]);
    const refused = await e.database.db.selectFrom('hub_trace').selectAll().where('package_id', '=', pkg.packageId).where('kind', '=', 'refused').execute();
    expect(refused.map((r) => [r.to_node, r.error_code, r.error_origin])).toEqual([['000.00.77.H98', 'EXCHANGE_UNKNOWN_RECEIVER', 'hub']]);
  });

  it('C49: a document with a secrecy level never becomes a package (EXCHANGE_SECRET_DOCUMENT, origin local)', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const stc = await codeOf(e, NAMES.STC);
    const pkg = documentPackage(snv.code, [stc.code], { number: '13' });
    const outboxBefore = await e.database.db.selectFrom('hub_outbox').select('id').execute();
    const error = await e.deps.uow
      .run((tx) =>
        sendPackage(tx, { clock: e.clock }, {
          packageId: pkg.packageId, kind: 'document', senderAgencyId: snv.agencyId, senderCode: snv.code, receiverCodes: [stc.code],
          businessType: '0', documentId: pkg.documentId, secret: true, payload: { sha256: 'a'.repeat(64), size: 1 },
        }),
      )
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'EXCHANGE_SECRET_DOCUMENT', details: { origin: 'local' } });
    expect(await e.database.db.selectFrom('hub_outbox').select('id').execute()).toHaveLength(outboxBefore.length);
    expect(await deliveriesOf(e, pkg.packageId)).toHaveLength(0);
  });

  it('an agency cannot send under a code that is not its own', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const stc = await codeOf(e, NAMES.STC);
    const pkg = documentPackage(stc.code, [snv.code], { number: '14' });
    await expect(sendThroughHub(e, { agencyId: snv.agencyId, code: stc.code }, [snv.code], pkg)).rejects.toMatchObject({ code: 'EXCHANGE_INVALID_FIELD' });
  });

  it('C66: a closed receiver code is refused with EXCHANGE_RECEIVER_CLOSED naming the successor, not re-addressed', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const stc = await codeOf(e, NAMES.STC);
    const closed = '000.00.88.H04';
    await e.database.db.insertInto('agency_codes').values({ agency_id: stc.agencyId, code: closed, valid_from: '2019-01-01', valid_to: '2020-01-01', source: 'test', successor_code: stc.code }).execute();
    const pkg = documentPackage(snv.code, [closed], { number: '15' });
    await sendThroughHub(e, snv, [closed], pkg);
    const [d] = await deliveriesOf(e, pkg.packageId);
    expect(d).toMatchObject({ state: 'dead', last_error_code: 'EXCHANGE_RECEIVER_CLOSED', last_error_origin: 'hub' });
    expect(d!.last_error_message).toContain(stc.code);
    expect((await inboxOf(e, stc.agencyId)).filter((r) => r.package_id === pkg.packageId)).toHaveLength(0);
  });

  it('the worker role delivers a sent package without anyone calling the delivery step (pg-boss on PostgreSQL, polling on PGlite)', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const stc = await codeOf(e, NAMES.STC);
    const pkg = documentPackage(snv.code, [stc.code], { number: '61' });
    const errors: unknown[] = [];
    const worker = await startWorker(e.deps, { intervalMs: 200, hub: hubDeps(e), onError: (err) => errors.push(err) });
    try {
      expect(worker.mode).toBe(e.engine === 'postgres' ? 'pg-boss' : 'polling');
      await sendThroughHub(e, snv, [stc.code], pkg);
      // A bound, not a speed target: on a loaded machine pg-boss may take a while to pick the job up.
      const deadline = Date.now() + 60_000;
      let inbox = await inboxOf(e, stc.agencyId);
      while (!inbox.some((r) => r.package_id === pkg.packageId) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        inbox = await inboxOf(e, stc.agencyId);
      }
      expect(inbox.filter((r) => r.package_id === pkg.packageId)).toHaveLength(1);
    } finally {
      await worker.stop();
    }
    expect(errors).toEqual([]);
  }, 90_000);

  it('C67: two delivery workers running at once deliver each package exactly once', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const stc = await codeOf(e, NAMES.STC);
    // Earlier tests leave work behind (an arrival answers its sender with status 01): deliver it first.
    await deliverDue(hubDeps(e));
    const pkgs = Array.from({ length: 30 }, (_, i) => documentPackage(snv.code, [stc.code], { number: String(100 + i) }));
    for (const p of pkgs) await sendThroughHub(e, snv, [stc.code], p);
    const runs = await Promise.all([deliverDue(hubDeps(e)), deliverDue(hubDeps(e))]);
    expect(runs[0]!.delivered + runs[1]!.delivered).toBe(30);
    const ids = new Set(pkgs.map((p) => p.packageId));
    const inbox = (await inboxOf(e, stc.agencyId)).filter((r) => ids.has(r.package_id));
    expect(inbox).toHaveLength(30);
    expect(new Set(inbox.map((r) => r.package_id)).size).toBe(30);
    const delivered = await e.database.db.selectFrom('hub_trace').select('package_id').where('kind', '=', 'delivered').where('package_id', 'in', [...ids]).execute();
    expect(delivered).toHaveLength(30);
  });

  it('C68: every hop is in the trace chain; the verifier passes it, then names the first altered or removed record', async () => {
    const e = env();
    const intact = await verifyHubTrace(e.database.db);
    expect(intact.ok).toBe(true);
    expect(intact.records).toBeGreaterThan(5);
    const digests = await e.database.db.selectFrom('hub_trace').select(['package_id', 'package_sha256']).where('package_sha256', 'is not', null).execute();
    const byPackage = new Map<string, Set<string>>();
    for (const r of digests) byPackage.set(r.package_id, (byPackage.get(r.package_id) ?? new Set()).add(r.package_sha256!));
    for (const set of byPackage.values()) expect(set.size).toBe(1);

    await sql`UPDATE hub_trace SET to_node = 'somewhere-else' WHERE seq = 3`.execute(e.database.db);
    const altered = await verifyHubTrace(e.database.db);
    expect(altered).toMatchObject({ ok: false, brokenSeq: 3 });
    expect(altered.ok === false && altered.reason).toContain('#3');

    await sql`DELETE FROM hub_trace WHERE seq = 3`.execute(e.database.db);
    expect(await verifyHubTrace(e.database.db)).toMatchObject({ ok: false, brokenSeq: 3 });
  });
});
