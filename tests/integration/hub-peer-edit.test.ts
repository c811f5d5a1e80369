/**
 * An operator changes a registered peer (PATCH /api/hub/peers/:id): what the peer's operator and the
 * province's users notice on the next package — a rotated certificate, a raised check level, a
 * deactivated peer whose pushes are refused and whose deliveries wait; audited without token values.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { makeTestPki, type TestPki } from '../../server/adapters/hub/testing/certs.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { describeEachEngine, NAMES, type TestEnv } from './harness.ts';
import { addPeer, codeOf, deliveriesOf, documentPackage, FakePeerHub, hubDeps, sendThroughHub } from './hub-helpers.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

const token = (tag: string) => `peer-edit-${tag}-0123456789abcdefghijklmnopqrstuvwxyz`;

function push(e: TestEnv, bytes: Buffer, bearer: string) {
  return e.app.inject({ method: 'POST', url: '/api/hub/packages', payload: bytes, headers: { 'content-type': 'application/xml', authorization: `Bearer ${bearer}` } });
}

describeEachEngine('hub: operators change registered peers', { seed: true }, (env) => {
  const fake = new FakePeerHub();
  let snvCode = '';
  beforeAll(async () => {
    await fake.start();
    const e = env();
    // The openssl test certificates are valid from now.
    e.clock.set(new Date());
    snvCode = (await codeOf(e, NAMES.SNV)).code;
  });
  afterAll(() => fake.stop());

  const patch = async (e: TestEnv, id: string, payload: Record<string, unknown>, who = 'vanhanh') =>
    e.request(await e.login(who), { method: 'PATCH', url: `/api/hub/peers/${id}`, payload });

  it('after a certificate rotation, packages signed with the old key are refused and with the new key accepted; audited by fingerprint', async () => {
    const e = env();
    // Only the registered certificate is compared (explicitly weaker than §2.7): the test CAs are not anchors here, rotation is the point.
    const { peer } = await addPeer(e, { name: 'Trục xoay chứng thư', codePrefixes: ['H81'], certificatePem: pki.organ.certificatePem, certificateCheck: 'registered', inboundToken: token('rotate') });
    const old = () => documentPackage('000.00.12.H81', [snvCode], { number: String(Math.random()).slice(2, 8), signer: pki.organ }).bytes;
    expect((await push(e, old(), token('rotate'))).statusCode).toBe(200);

    const res = await patch(e, peer.id, { certificatePem: pki.stranger.certificatePem });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: peer.id, hasCertificate: true, active: true });
    expect(res.json()).not.toHaveProperty('inboundToken');

    const refused = await push(e, old(), token('rotate'));
    // Valid signature, but not by the peer's registered certificate.
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_SENDER_MISMATCH', origin: 'hub' });
    expect(refused.json().message).toContain('không phải chứng thư đã đăng ký');
    const renewed = documentPackage('000.00.12.H81', [snvCode], { number: '902', signer: pki.stranger });
    const accepted = await push(e, renewed.bytes, token('rotate'));
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ result: 'accepted' });

    const audit = await e.database.db.selectFrom('audit_events').selectAll().where('type', '=', 'hub.peer_updated').where('subject_id', '=', peer.id).executeTakeFirstOrThrow();
    const data = audit.data as { changes: Record<string, { before: unknown; after: unknown }> };
    expect(Object.keys(data.changes)).toEqual(['certificatePem']);
    expect(data.changes.certificatePem!.after).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(data.changes.certificatePem!.before).not.toEqual(data.changes.certificatePem!.after);
  });

  it('raising the check level to chain-revocation takes effect on the next package', async () => {
    const e = env();
    // Registered earlier with the weakest level (explicitly; the default is now chain-revocation).
    const { peer } = await addPeer(e, { name: 'Trục nâng mức kiểm tra', codePrefixes: ['H82'], certificatePem: pki.organ.certificatePem, certificateCheck: 'registered', inboundToken: token('raise') });
    const pkg = (n: string) => documentPackage('000.00.12.H82', [snvCode], { number: n, signer: pki.organ }).bytes;
    expect((await push(e, pkg('1'), token('raise'))).statusCode).toBe(200);

    const res = await patch(e, peer.id, { certificateCheck: 'chain-revocation' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ certificateCheck: 'chain-revocation' });
    // The test CA that issued pki.organ is not a trust anchor of this hub.
    const refused = await push(e, pkg('2'), token('raise'));
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_SIGNATURE_INVALID', origin: 'hub' });
    const peers = (await e.request(await e.login('vanhanh'), { method: 'GET', url: '/api/hub/peers' })).json() as { items: { id: string; certificateCheck: string }[] };
    expect(peers.items.find((p) => p.id === peer.id)?.certificateCheck).toBe('chain-revocation');
  });

  it('a deactivated peer\'s pushes are refused and deliveries to it stay queued; reactivated, they are delivered', async () => {
    const e = env();
    fake.failing = false;
    const { peer } = await addPeer(e, { name: 'Trục tạm dừng', codePrefixes: ['H83'], endpointUrl: fake.url, inboundToken: token('pause') });
    expect((await patch(e, peer.id, { active: false })).json()).toMatchObject({ active: false });

    const pushed = await push(e, documentPackage('000.00.12.H83', [snvCode], { number: '3', signer: pki.organ }).bytes, token('pause'));
    expect(pushed.statusCode, pushed.body).toBe(401);
    expect(pushed.json()).toMatchObject({ code: 'EXCHANGE_UNAUTHENTICATED' });

    const snv = await codeOf(e, NAMES.SNV);
    const pkg = documentPackage(snv.code, ['000.00.12.H83'], { number: '4' });
    await sendThroughHub(e, snv, ['000.00.12.H83'], pkg);
    const deps = hubDeps(e);
    await deliverDue(deps);
    e.clock.advance(60 * 60_000);
    await deliverDue(deps);
    expect(fake.received.filter((r) => r.packageId === pkg.packageId)).toEqual([]);
    expect((await deliveriesOf(e, pkg.packageId)).map((d) => d.state)).toEqual(['pending']);

    expect((await patch(e, peer.id, { active: true })).json()).toMatchObject({ active: true });
    await deliverDue(deps);
    expect((await deliveriesOf(e, pkg.packageId)).map((d) => d.state)).toEqual(['delivered']);
    expect(fake.received.filter((r) => r.packageId === pkg.packageId)).toHaveLength(1);
  });

  it('a new inbound token replaces the old one, shown once and never audited; bad values are refused naming the field, nothing changed', async () => {
    const e = env();
    const { peer } = await addPeer(e, { name: 'Trục đổi mã', codePrefixes: ['H84'], inboundToken: token('old') });
    const res = await patch(e, peer.id, { newInboundToken: true, endpointUrl: 'https://truc.example.vn/' });
    expect(res.statusCode, res.body).toBe(200);
    const fresh = (res.json() as { inboundToken: string }).inboundToken;
    expect(fresh.length).toBeGreaterThanOrEqual(32);
    const pending = (bearer: string) => e.app.inject({ method: 'GET', url: '/api/hub/pending', headers: { authorization: `Bearer ${bearer}` } });
    expect((await pending(token('old'))).statusCode).toBe(401);
    expect((await pending(fresh)).statusCode).toBe(200);
    const audit = await e.database.db.selectFrom('audit_events').selectAll().where('type', '=', 'hub.peer_updated').where('subject_id', '=', peer.id).executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ changes: { endpointUrl: { before: null, after: 'https://truc.example.vn/' } }, tokens: { inboundToken: 'replaced' } });
    expect(JSON.stringify(audit.data)).not.toContain(fresh);

    const before = await e.database.db.selectFrom('hub_peers').selectAll().where('id', '=', peer.id).executeTakeFirstOrThrow();
    const bad = async (payload: Record<string, unknown>, field: string, message: string) => {
      const r = await patch(e, peer.id, payload);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.body).toContain(field);
      expect(r.json().message).toContain(message);
    };
    await bad({ codePrefixes: ['h12 '] }, 'codePrefixes', 'không phải mã định danh');
    await bad({ endpointUrl: 'ftp://hub.example/' }, 'endpointUrl', 'URL http(s)');
    await bad({ certificatePem: 'không phải chứng thư' }, 'certificatePem', 'không đọc được');
    await bad({ certificateCheck: 'chain' }, 'certificateCheck', 'cần chứng thư số');
    await bad({ inboundToken: token('x'), newInboundToken: true }, 'inboundToken', 'Chọn một trong hai');
    expect(await e.database.db.selectFrom('hub_peers').selectAll().where('id', '=', peer.id).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('a clerk and an unknown id get 404; nothing changes', async () => {
    const e = env();
    const { peer } = await addPeer(e, { name: 'Trục không được sửa', codePrefixes: ['H85'] });
    const before = await e.database.db.selectFrom('hub_peers').selectAll().where('id', '=', peer.id).executeTakeFirstOrThrow();
    const clerk = await patch(e, peer.id, { active: false }, 'vanthu.snv');
    expect(clerk.statusCode, clerk.body).toBe(404);
    expect((await patch(e, '00000000-0000-4000-8000-000000000000', { active: false })).statusCode).toBe(404);
    expect(await e.database.db.selectFrom('hub_peers').selectAll().where('id', '=', peer.id).executeTakeFirstOrThrow()).toEqual(before);
  });
});
