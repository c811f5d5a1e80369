import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { RsaReceiptSignatures } from '../../server/adapters/hub/receipt-signatures.ts';
import { makeTestPki, type TestPki } from '../../server/adapters/hub/testing/certs.ts';
import type { Acknowledgement } from '../../server/app/ports/hub-wire.ts';
import { deliverDue } from '../../server/app/hub/deliver-due.ts';
import { describeEachEngine, NAMES, type TestEnv } from './harness.ts';
import { addPeer, codeOf, deliveriesOf, documentPackage, FakePeerHub, hubDeps, sendThroughHub, trustCa } from './hub-helpers.ts';

let pki: TestPki;
const INBOUND = 'receipt-peer-inbound-token-0123456789abcdef';
beforeAll(() => {
  pki = makeTestPki();
});

async function traceOf(e: TestEnv, packageId: string) {
  return e.database.db.selectFrom('hub_trace').select(['kind', 'data', 'error_code']).where('package_id', '=', packageId).orderBy('seq').execute();
}

describeEachEngine('hub: signed delivery receipts', { seed: true }, (env) => {
  const peer = new FakePeerHub();
  let receiver = '';
  beforeAll(async () => {
    await peer.start();
    peer.failing = false;
    const e = env();
    // Certificates from openssl are valid from now; this hub signs with the same test system key.
    e.clock.set(new Date());
    (e.config.hub as { receiptKeyPem?: string }).receiptKeyPem = pki.organ.privateKeyPem;
    (e.config.hub as { receiptCertificatePem?: string }).receiptCertificatePem = pki.organ.certificatePem;
    await trustCa(e.deps, pki.ca.certificatePem, pki.crl);
    await addPeer(e, { name: 'Trục ký biên nhận', codePrefixes: ['H93'], endpointUrl: peer.url, certificatePem: pki.organ.certificatePem, outboundToken: 'receipt-peer-outbound-token-0123456789', inboundToken: INBOUND });
    receiver = '000.00.12.H93';
  });
  afterAll(async () => {
    await peer.stop();
  });

  async function sendOne(e: TestEnv, number: string) {
    const snv = await codeOf(e, NAMES.SNV);
    const pkg = documentPackage(snv.code, [receiver], { number });
    await sendThroughHub(e, snv, [receiver], pkg);
    return pkg;
  }

  it('C60: a receipt naming our digest and signed by the peer’s registered certificate is kept, whole, as the receipt in the trace', async () => {
    const e = env();
    peer.ack = { signer: new RsaReceiptSignatures(pki.organ) };
    const pkg = await sendOne(e, '60');
    expect(await deliverDue(hubDeps(e))).toEqual({ delivered: 1, failed: 0, dead: 0 });
    const [d] = await deliveriesOf(e, pkg.packageId);
    expect(d).toMatchObject({ state: 'delivered', ack_result: 'accepted' });
    const receipt = (await traceOf(e, pkg.packageId)).find((t) => t.kind === 'receipt')!;
    const data = receipt.data as { signed: boolean; receipt: { sha256: string; signature: { algorithm: string; value: string } } };
    expect(data.signed).toBe(true);
    expect(data.receipt.sha256).toBe(d!.ack_sha256);
    expect(data.receipt.signature.algorithm).toBe('rsa-sha256');
    // What is stored still verifies: the receipt is proof to show a third party.
    expect(new RsaReceiptSignatures().verify(data.receipt as never, pki.organ.certificatePem)).toBe('valid');
    const operator = await e.login('vanhanh');
    const trace = await e.request(operator, { method: 'GET', url: `/api/hub/packages/${pkg.packageId}/trace` });
    expect((trace.json() as { events: { kind: string; data: { signed?: boolean } }[] }).events.find((t) => t.kind === 'receipt')?.data.signed).toBe(true);
  });

  it('C60: a receipt naming other bytes is a failed attempt, retried, and not kept as the receipt', async () => {
    const e = env();
    peer.ack = { signer: new RsaReceiptSignatures(pki.organ), tamper: 'digest' };
    const pkg = await sendOne(e, '61');
    expect(await deliverDue(hubDeps(e))).toEqual({ delivered: 0, failed: 1, dead: 0 });
    const [d] = await deliveriesOf(e, pkg.packageId);
    expect(d).toMatchObject({ state: 'failed', last_error_code: 'EXCHANGE_PEER_REFUSED', last_error_origin: 'peer', ack_sha256: null });
    expect(d!.last_error_message).toContain('mã băm');
    const trace = await traceOf(e, pkg.packageId);
    expect(trace.map((t) => t.kind)).not.toContain('receipt');
    expect(trace.find((t) => t.kind === 'attempt_failed')?.data).toMatchObject({ receiptProblem: 'digest', temporary: true });
    // The peer mends its ways: the retry is delivered.
    peer.ack = { signer: new RsaReceiptSignatures(pki.organ) };
    e.clock.advance(31_000);
    expect(await deliverDue(hubDeps(e))).toEqual({ delivered: 1, failed: 0, dead: 0 });
  });

  it('C60: a receipt whose signature does not verify, or that is signed by another key, or unsigned, is a failed attempt', async () => {
    const e = env();
    let n = 0;
    for (const [ack, problem] of [
      [{ signer: new RsaReceiptSignatures(pki.organ), tamper: 'signature' as const }, 'signature'],
      [{ signer: new RsaReceiptSignatures(pki.stranger) }, 'signature'],
      [{}, 'unsigned'],
    ] as const) {
      peer.ack = ack;
      const pkg = await sendOne(e, `62${++n}`);
      expect(await deliverDue(hubDeps(e))).toEqual({ delivered: 0, failed: 1, dead: 0 });
      const [d] = await deliveriesOf(e, pkg.packageId);
      expect(d).toMatchObject({ state: 'failed', last_error_code: 'EXCHANGE_PEER_REFUSED', ack_result: null });
      expect(d!.last_error_message).toContain('biên nhận');
      expect((await traceOf(e, pkg.packageId)).find((t) => t.kind === 'attempt_failed')?.data).toMatchObject({ receiptProblem: problem });
    }
  });

  it('C60: the hub’s own acknowledgement (accepted, then duplicate) carries the digest of the bytes and its signature', async () => {
    const e = env();
    const snv = await codeOf(e, NAMES.SNV);
    const pkg = documentPackage(receiver, [snv.code], { number: '63', signer: pki.organ });
    const verifier = new RsaReceiptSignatures();
    for (const result of ['accepted', 'duplicate']) {
      const res = await e.app.inject({ method: 'POST', url: '/api/hub/packages', payload: pkg.bytes, headers: { 'content-type': 'application/xml', authorization: `Bearer ${INBOUND}` } });
      expect(res.statusCode, res.body).toBe(200);
      const ack = res.json() as Acknowledgement;
      expect(ack).toMatchObject({ result, sha256: createHash('sha256').update(pkg.bytes).digest('hex'), signature: { algorithm: 'rsa-sha256' } });
      expect(verifier.verify(ack, pki.organ.certificatePem)).toBe('valid');
    }
  });

  it('the hub signs the acknowledgements it gives with its configured key', async () => {
    const signer = new RsaReceiptSignatures(pki.organ);
    const ack = signer.sign({ packageId: 'p', result: 'duplicate', receivedAt: '2026-03-02T02:00:00.000Z', sha256: 'ab' });
    expect(signer.verify(ack, pki.organ.certificatePem)).toBe('valid');
    expect(signer.verify({ ...ack, result: 'accepted' }, pki.organ.certificatePem)).toBe('invalid');
    expect(signer.verify(ack, pki.stranger.certificatePem)).toBe('invalid');
    expect(() => new RsaReceiptSignatures({ privateKeyPem: pki.stranger.privateKeyPem, certificatePem: pki.organ.certificatePem })).toThrow(/không khớp/);
  });
});
