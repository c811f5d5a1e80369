import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../../server/adapters/hub/testing/certs.ts';
import { sampleText } from '../../server/adapters/hub/testing/samples.ts';
import { signXml } from '../../server/adapters/hub/xml-signature.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { sha256Of } from '../../server/app/hub/acknowledge-package.ts';
import { snapshot } from './db-snapshot.ts';
import { describeEachEngine, NAMES, type TestEnv } from './harness.ts';
import { addLocalOrgan, addPeer, codeOf, deliveriesOf, documentPackage, hubDeps, inboxOf, sendThroughHub, trustCa } from './hub-helpers.ts';

const TOKEN = 'minh-hoa-hub-token-0123456789abcdefghijklmnop';
const PULL_TOKEN = 'pulling-peer-token-0123456789abcdefghijklmnop';
const SAMPLE_ID = 'd6b6bac7-342d-4130-b717-6d81e452bf77';
let pki: TestPki;

beforeAll(() => {
  pki = makeTestPki();
});

const sign = (xml: string, who: 'organ' | 'sibling' | 'stranger' = 'organ') => signXml(xml, pki[who]);
const sample = () => sampleText('document-package.xml');

function push(e: TestEnv, body: string | Buffer, options: { token?: string | null; url?: string; packageId?: string } = {}): Promise<LightMyRequestResponse> {
  const token = options.token === undefined ? TOKEN : options.token;
  return e.app.inject({
    method: 'POST', url: options.url ?? '/api/hub/packages', payload: body,
    headers: { 'content-type': 'application/xml', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(options.packageId ? { 'x-package-id': options.packageId } : {}) },
  });
}

async function outboxIds(e: TestEnv): Promise<string[]> {
  return (await e.database.db.selectFrom('hub_outbox').select('package_id').execute()).map((r) => r.package_id);
}

describeEachEngine('hub: the peer endpoint', { seed: true }, (env) => {
  let viDu = '';
  let soXayDung = '';
  beforeAll(async () => {
    const e = env();
    // Certificates from openssl are valid from now: receive at the real time.
    e.clock.set(new Date());
    viDu = await addLocalOrgan(e, 'UBND huyện Ví Dụ (thử)', '000.00.31.H99');
    soXayDung = await addLocalOrgan(e, 'Sở Xây dựng Minh Họa (thử)', '000.00.12.H99');
    // The peer's CA and its CRL are configured: the default check is exchange.md §2.7's whole one.
    await trustCa(e.deps, pki.ca.certificatePem, pki.crl);
    await addPeer(e, { name: 'Trục tỉnh Minh Họa', codePrefixes: ['H99'], certificatePem: pki.organ.certificatePem, inboundToken: TOKEN });
  });

  it('C69: a peer without credentials, or with wrong ones, is refused with EXCHANGE_UNAUTHENTICATED and nothing is stored', async () => {
    const e = env();
    const before = await snapshot(e.database.db);
    for (const token of [null, 'wrong-token-wrong-token-wrong-token-0000']) {
      const res = await push(e, sign(sample()), { token });
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json()).toMatchObject({ code: 'EXCHANGE_UNAUTHENTICATED' });
    }
    const pending = await e.app.inject({ method: 'GET', url: '/api/hub/pending', headers: { authorization: 'Bearer nope-nope-nope-nope-nope' } });
    expect(pending.statusCode).toBe(401);
    expect(await snapshot(e.database.db)).toEqual(before);
  });

  it('C30/C41: an unsigned package is refused with EXCHANGE_SIGNATURE_MISSING, origin hub; only the trace event remains', async () => {
    const e = env();
    const res = await push(e, sample());
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ packageId: SAMPLE_ID, result: 'refused', code: 'EXCHANGE_SIGNATURE_MISSING', origin: 'hub', temporary: false });
    expect(await outboxIds(e)).not.toContain(SAMPLE_ID);
    const trace = await e.database.db.selectFrom('hub_trace').selectAll().where('package_id', '=', SAMPLE_ID).execute();
    expect(trace.map((t) => [t.kind, t.error_code, t.error_origin, t.from_node])).toEqual([['refused', 'EXCHANGE_SIGNATURE_MISSING', 'hub', 'Trục tỉnh Minh Họa']]);
  });

  it('C29: a package changed after signing is refused with EXCHANGE_SIGNATURE_INVALID', async () => {
    const e = env();
    const tampered = sign(sample()).replace('mùa mưa bão năm 2025', 'mùa mưa bão năm 2026');
    const res = await push(e, tampered);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_SIGNATURE_INVALID', origin: 'hub' });
  });

  it('C33: a valid signature by a trusted certificate not registered for the peer is refused with EXCHANGE_SENDER_MISMATCH; by an untrusted one, EXCHANGE_SIGNATURE_INVALID', async () => {
    const e = env();
    const res = await push(e, sign(sample(), 'sibling'));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_SENDER_MISMATCH', origin: 'hub' });
    const untrusted = await push(e, sign(sample(), 'stranger'));
    expect(untrusted.statusCode).toBe(400);
    expect(untrusted.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_SIGNATURE_INVALID', origin: 'hub' });
    // The right certificate, but an issuer outside the code groups the peer is registered for.
    const foreign = sign(sample().replace(SAMPLE_ID, randomUUID()).replaceAll('000.00.12.H99', '000.00.12.H98'));
    const res2 = await push(e, foreign);
    expect(res2.statusCode).toBe(403);
    expect(res2.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_SENDER_MISMATCH', origin: 'hub' });
  });

  it('C50: a secret-marked package is refused with EXCHANGE_SECRET_DOCUMENT and none of its bytes reach the file store', async () => {
    const e = env();
    const secret = sign(sample().replace('d6b6bac7-342d-4130-b717-6d81e452bf77', randomUUID()).replace('<edXML:SphereOfPromulgation>Công khai<', '<edXML:SphereOfPromulgation>Tối mật<'));
    const res = await push(e, secret);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_SECRET_DOCUMENT', origin: 'hub' });
    expect(await e.deps.files.has(sha256Of(Buffer.from(secret)))).toBe(false);
  });

  it('C57/C42: the same package pushed twice is stored once, acknowledged twice (accepted, then duplicate), and reaches the inbox once', async () => {
    const e = env();
    const signed = Buffer.from(sign(sample()));
    const first = await push(e, signed);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ packageId: SAMPLE_ID, result: 'accepted', sha256: sha256Of(signed), receivers: [{ code: '000.00.31.H99', result: 'accepted' }] });
    const second = await push(e, signed);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ packageId: SAMPLE_ID, result: 'duplicate', sha256: sha256Of(signed) });
    expect(await deliverDue(hubDeps(e))).toMatchObject({ delivered: 1 });
    expect(await deliverDue(hubDeps(e))).toMatchObject({ delivered: 0 });
    expect((await outboxIds(e)).filter((id) => id === SAMPLE_ID)).toHaveLength(1);
    const inbox = await inboxOf(e, viDu);
    expect(inbox.map((r) => [r.package_id, r.document_id, r.sender_code])).toEqual([[SAMPLE_ID, '000.00.12.H99,2025/03/04,125/SXD-QLXD', '000.00.12.H99']]);
  });

  it('C58: the same package id with other bytes is refused with EXCHANGE_PACKAGE_ID_CONFLICT and the first is unchanged', async () => {
    const e = env();
    const before = await e.database.db.selectFrom('hub_outbox').selectAll().where('package_id', '=', SAMPLE_ID).executeTakeFirstOrThrow();
    const other = sign(sample().replace('trước mùa mưa bão', 'trong mùa mưa bão'));
    const res = await push(e, other);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_PACKAGE_ID_CONFLICT', origin: 'hub' });
    expect(await e.database.db.selectFrom('hub_outbox').selectAll().where('package_id', '=', SAMPLE_ID).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('C55: a status package is taken on its own path and routed to its ResponseFor/OrganId', async () => {
    const e = env();
    const status = sign(sampleText('status-03-registered.xml'));
    const wrongPath = await push(e, status);
    expect(wrongPath.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_UNSUPPORTED_FORMAT' });
    const statusId = randomUUID();
    const res = await push(e, status, { url: '/api/hub/statuses', packageId: statusId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ packageId: statusId, result: 'accepted', receivers: [{ code: '000.00.12.H99', result: 'accepted' }] });
    await deliverDue(hubDeps(e));
    expect((await inboxOf(e, soXayDung)).map((r) => [r.package_id, r.kind])).toEqual([[statusId, 'status']]);
  });

  it('a peer that pulls fetches its pending packages and acknowledges them; another peer sees none of them', async () => {
    const e = env();
    await addPeer(e, { name: 'Trục kéo', codePrefixes: ['H97'], inboundToken: PULL_TOKEN });
    const snv = await codeOf(e, NAMES.SNV);
    const pkg = documentPackage(snv.code, ['000.00.05.H97'], { number: '51' });
    await sendThroughHub(e, snv, ['000.00.05.H97'], pkg);
    expect(await deliverDue(hubDeps(e))).toMatchObject({ delivered: 0, failed: 0 });
    const other = await e.app.inject({ method: 'GET', url: '/api/hub/pending', headers: { authorization: `Bearer ${TOKEN}` } });
    expect((other.json() as { items: unknown[] }).items).toEqual([]);
    const pending = await e.app.inject({ method: 'GET', url: '/api/hub/pending', headers: { authorization: `Bearer ${PULL_TOKEN}` } });
    expect(pending.statusCode, pending.body).toBe(200);
    const items = (pending.json() as { items: { packageId: string; package: string; sha256: string }[] }).items;
    expect(items.map((i) => i.packageId)).toEqual([pkg.packageId]);
    expect(Buffer.from(items[0]!.package, 'base64').equals(pkg.bytes)).toBe(true);
    const wrongPeer = await e.app.inject({ method: 'POST', url: '/api/hub/acknowledgements', headers: { authorization: `Bearer ${TOKEN}` }, payload: { packageId: pkg.packageId, result: 'accepted', sha256: items[0]!.sha256 } });
    expect(wrongPeer.statusCode).toBe(404);
    const ack = await e.app.inject({ method: 'POST', url: '/api/hub/acknowledgements', headers: { authorization: `Bearer ${PULL_TOKEN}` }, payload: { packageId: pkg.packageId, result: 'accepted', sha256: items[0]!.sha256 } });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toEqual({ state: 'delivered' });
    expect((await deliveriesOf(e, pkg.packageId))[0]).toMatchObject({ state: 'delivered', ack_result: 'accepted' });
    const after = await e.app.inject({ method: 'GET', url: '/api/hub/pending', headers: { authorization: `Bearer ${PULL_TOKEN}` } });
    expect((after.json() as { items: unknown[] }).items).toEqual([]);
  });

  it('C65: a package for a code served by no one here is refused per receiver, and never bounced back to the hub it came from', async () => {
    const e = env();
    const id = randomUUID();
    const res = await push(e, sign(sample().replace(SAMPLE_ID, id).replace('000.00.31.H99', '000.00.40.H99')));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({
      packageId: id, result: 'refused', code: 'EXCHANGE_UNKNOWN_RECEIVER', origin: 'hub',
      receivers: [{ code: '000.00.40.H99', result: 'refused', errorCode: 'EXCHANGE_UNKNOWN_RECEIVER', origin: 'hub' }],
    });
    expect((await deliveriesOf(e, id)).map((d) => [d.route, d.state])).toEqual([['none', 'dead']]);
  });

  it('C30: from a peer set to unsigned-allowed an unsigned package is accepted and the trace records the exception', async () => {
    const e = env();
    const token = 'unsigned-peer-token-0123456789abcdefghijklmnop';
    await addPeer(e, { name: 'Trục không ký', codePrefixes: ['H94'], inboundToken: token, signaturePolicy: 'unsigned-allowed' });
    await addLocalOrgan(e, 'UBND huyện Thử Nghiệm (thử)', '000.00.31.H94');
    const id = randomUUID();
    const res = await push(e, sample().replace(SAMPLE_ID, id).replaceAll('.H99', '.H94'), { token });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ packageId: id, result: 'accepted' });
    const custody = await e.database.db.selectFrom('hub_trace').select(['kind', 'data']).where('package_id', '=', id).where('kind', '=', 'custody').executeTakeFirstOrThrow();
    expect(custody.data).toMatchObject({ unsignedAdmitted: true, signaturePolicy: 'unsigned-allowed' });
    expect(await e.database.db.selectFrom('hub_outbox').select('unsigned_admitted').where('package_id', '=', id).executeTakeFirstOrThrow()).toEqual({ unsigned_admitted: true });
  });
});
