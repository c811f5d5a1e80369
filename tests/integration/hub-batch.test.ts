import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { encodeBatch, type BatchPart } from '../../server/adapters/hub/batch-framing.ts';
import { verifyHubTrace } from '../../server/adapters/db/hub-trace.ts';
import { RsaReceiptSignatures } from '../../server/adapters/hub/receipt-signatures.ts';
import { makeTestPki, type TestPki } from '../../server/adapters/hub/testing/certs.ts';
import { sha256Of } from '../../server/app/hub/acknowledge-package.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import type { Acknowledgement } from '../../server/app/ports/hub-wire.ts';
import { snapshot } from './db-snapshot.ts';
import { describeEachEngine, type TestEnv } from './harness.ts';
import { addLocalOrgan, addPeer, documentPackage, hubDeps, inboxOf, trustCa, type TestPackage } from './hub-helpers.ts';

const TOKEN = 'batch-peer-inbound-token-0123456789abcdefghij';
const SENDER = '000.00.12.H98';
const RECEIVER = '000.00.31.H97';
let pki: TestPki;

beforeAll(() => {
  pki = makeTestPki();
});

const part = (p: TestPackage): BatchPart => ({ packageId: p.packageId, kind: 'document', bytes: p.bytes });
const signed = (number: string) => documentPackage(SENDER, [RECEIVER], { number, signer: pki.organ });

function pushBatch(e: TestEnv, parts: BatchPart[], token: string | null = TOKEN): Promise<LightMyRequestResponse> {
  const { contentType, body } = encodeBatch(parts);
  return e.app.inject({ method: 'POST', url: '/api/hub/batch', payload: body, headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
}

const acksOf = (res: LightMyRequestResponse): Acknowledgement[] => (res.json() as { acknowledgements: Acknowledgement[] }).acknowledgements;

async function outboxCount(e: TestEnv, packageId: string): Promise<number> {
  return (await e.database.db.selectFrom('hub_outbox').select('package_id').where('package_id', '=', packageId).execute()).length;
}

describeEachEngine('hub: batch push between hubs', { seed: true }, (env) => {
  let organ = '';
  beforeAll(async () => {
    const e = env();
    e.clock.set(new Date());
    // This hub signs its acknowledgements (C60), so each one of a batch can be checked.
    (e.config.hub as { receiptKeyPem?: string }).receiptKeyPem = pki.organ.privateKeyPem;
    (e.config.hub as { receiptCertificatePem?: string }).receiptCertificatePem = pki.organ.certificatePem;
    organ = await addLocalOrgan(e, 'UBND huyện Lô Gói (thử)', RECEIVER);
    // The peer gets §2.7's whole check (the default): its CA is an anchor and its CRL current.
    await trustCa(e.deps, pki.ca.certificatePem, pki.crl);
    await addPeer(e, { name: 'Trục gửi lô', codePrefixes: ['H98'], certificatePem: pki.organ.certificatePem, inboundToken: TOKEN });
  });

  it('a batch of five is accepted package by package, each with its own signed acknowledgement, and each reaches the inbox once', async () => {
    const e = env();
    const pkgs = ['501', '502', '503', '504', '505'].map(signed);
    const res = await pushBatch(e, pkgs.map(part));
    expect(res.statusCode, res.body).toBe(200);
    const acks = acksOf(res);
    expect(acks.map((a) => [a.packageId, a.result, a.sha256])).toEqual(pkgs.map((p) => [p.packageId, 'accepted', sha256Of(p.bytes)]));
    const check = new RsaReceiptSignatures();
    for (const a of acks) expect(check.verify(a, pki.organ.certificatePem)).toBe('valid');
    await deliverDue(hubDeps(e), { limit: 50 });
    const inbox = (await inboxOf(e, organ)).map((r) => r.package_id);
    for (const p of pkgs) expect(inbox.filter((id) => id === p.packageId)).toHaveLength(1);
  });

  it('a mixed batch (a tampered signature, a duplicate, a good one) is answered per package and stores exactly the good one', async () => {
    const e = env();
    const known = signed('601');
    const first = await e.app.inject({ method: 'POST', url: '/api/hub/packages', payload: known.bytes, headers: { 'content-type': 'application/xml', authorization: `Bearer ${TOKEN}` } });
    expect(first.json()).toMatchObject({ result: 'accepted' });
    const original = signed('602');
    const tamperedText = original.bytes.toString('utf8').replace('>602<', '>612<');
    expect(tamperedText).not.toBe(original.bytes.toString('utf8'));
    const tampered = { ...original, bytes: Buffer.from(tamperedText) };
    const good = signed('603');
    const res = await pushBatch(e, [tampered, known, good].map(part));
    expect(res.statusCode, res.body).toBe(200);
    expect(acksOf(res)).toMatchObject([
      { packageId: tampered.packageId, result: 'refused', code: 'EXCHANGE_SIGNATURE_INVALID', origin: 'hub' },
      { packageId: known.packageId, result: 'duplicate', sha256: sha256Of(known.bytes) },
      { packageId: good.packageId, result: 'accepted', sha256: sha256Of(good.bytes) },
    ]);
    expect(await outboxCount(e, tampered.packageId)).toBe(0);
    expect(await outboxCount(e, known.packageId)).toBe(1);
    expect(await outboxCount(e, good.packageId)).toBe(1);
    expect(await e.deps.files.has(sha256Of(tampered.bytes))).toBe(false);
    // The refusal, the duplicate and the custody events were written in the batch's transactions; the chain holds.
    expect(await verifyHubTrace(e.database.db)).toMatchObject({ ok: true });
  });

  it('the same batch pushed twice is answered duplicate for every package and no document arrives twice', async () => {
    const e = env();
    const pkgs = ['701', '702', '703'].map(signed);
    expect(acksOf(await pushBatch(e, pkgs.map(part))).map((a) => a.result)).toEqual(['accepted', 'accepted', 'accepted']);
    const again = await pushBatch(e, pkgs.map(part));
    expect(again.statusCode).toBe(200);
    expect(acksOf(again).map((a) => [a.packageId, a.result])).toEqual(pkgs.map((p) => [p.packageId, 'duplicate']));
    // The same package twice in one batch: taken once, the second answered as its duplicate.
    const twice = signed('704');
    expect(acksOf(await pushBatch(e, [part(twice), part(twice)])).map((a) => a.result)).toEqual(['accepted', 'duplicate']);
    await deliverDue(hubDeps(e), { limit: 50 });
    const inbox = (await inboxOf(e, organ)).map((r) => r.package_id);
    for (const p of [...pkgs, twice]) {
      expect(await outboxCount(e, p.packageId)).toBe(1);
      expect(inbox.filter((id) => id === p.packageId)).toHaveLength(1);
    }
  });

  it('a batch without credentials, or with wrong ones, is refused with EXCHANGE_UNAUTHENTICATED and nothing is stored', async () => {
    const e = env();
    const pkgs = ['801', '802'].map(signed);
    const before = await snapshot(e.database.db);
    for (const token of [null, 'wrong-token-wrong-token-wrong-token-0000']) {
      const res = await pushBatch(e, pkgs.map(part), token);
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json()).toMatchObject({ code: 'EXCHANGE_UNAUTHENTICATED' });
    }
    expect(await snapshot(e.database.db)).toEqual(before);
  });

  it('a batch over the limits (too many packages, too many bytes) is refused whole with EXCHANGE_PACKAGE_TOO_LARGE and nothing is stored', async () => {
    const e = env();
    const one = signed('901');
    const before = await snapshot(e.database.db);
    const many = await pushBatch(e, Array.from({ length: 101 }, () => part(one)));
    expect(many.statusCode, many.body).toBe(413);
    expect(many.json()).toMatchObject({ code: 'EXCHANGE_PACKAGE_TOO_LARGE' });
    expect(many.json().message).toContain('100 gói tin');
    const big = await pushBatch(e, [part(one), { packageId: 'big', kind: 'document', bytes: Buffer.alloc(33 * 1024 * 1024, 0x61) }]);
    expect(big.statusCode, big.body).toBe(413);
    expect(big.json()).toMatchObject({ code: 'EXCHANGE_PACKAGE_TOO_LARGE' });
    expect(await snapshot(e.database.db)).toEqual(before);
    expect(await outboxCount(e, one.packageId)).toBe(0);
  });

  it('a body that is not a well-formed batch is refused with VALIDATION_FAILED', async () => {
    const e = env();
    const res = await e.app.inject({ method: 'POST', url: '/api/hub/batch', payload: 'not a batch', headers: { 'content-type': 'multipart/mixed; boundary=abc', authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
