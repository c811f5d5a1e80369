/**
 * A peer's signing certificate beyond "it is the registered one" (exchange.md §2.7). A peer registered
 * with a certificate gets the spec's whole check by default (`chain-revocation`): a path to a trust
 * anchor the signing module is configured with, valid at receipt, and a current CRL that does not
 * list it. Refusals: EXCHANGE_SIGNATURE_INVALID (untrusted, revoked), EXCHANGE_SIGNATURE_INDETERMINATE
 * (no current CRL, temporary), origin `hub`, distinct from EXCHANGE_SENDER_MISMATCH (a trusted
 * certificate that is not the peer's). Only the peer named "chỉ so chứng thư" uses a weaker level, on purpose.
 */
import { X509Certificate } from 'node:crypto';
import { beforeAll, expect, it, vi } from 'vitest';
import { makeTestPki, type TestPki } from '../../server/adapters/hub/testing/certs.ts';
import { FileCaDirectory } from '../../server/adapters/signing/ca/ca-store.ts';
import { revokeCertificate } from '../../server/adapters/signing/ca/test-ca.ts';
import { addRevocationSource } from '../../server/app/signing/manage-revocation-sources.ts';
import { loadKek } from '../../server/adapters/signing/signing-config.ts';
import { describeEachEngine, NAMES, type TestEnv } from './harness.ts';
import { addPeer, codeOf, documentPackage, trustCa } from './hub-helpers.ts';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const TOKENS = { full: 'peer-trust-full-0123456789abcdefghijklmnop', other: 'peer-trust-other-ca-0123456789abcdefghijkl', registered: 'peer-trust-registered-0123456789abcdefghij' };
let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki();
});

function push(e: TestEnv, bytes: Buffer, token: string) {
  return e.app.inject({ method: 'POST', url: '/api/hub/packages', payload: bytes, headers: { 'content-type': 'application/xml', authorization: `Bearer ${token}` } });
}

describeEachEngine('hub: chain and revocation checks of peer certificates', { seed: true }, (env) => {
  let stcCode = '';
  let snvCode = '';
  /** A package from the peer province, signed with a certificate of the configured test CA. */
  const caSigned = async (e: TestEnv, number: string) => Buffer.from(await e.deps.signing.signPackageXml(documentPackage('000.00.12.H92', [snvCode], { number }).bytes, stcCode));

  beforeAll(async () => {
    const e = env();
    // The openssl test certificates are valid from now; the test CA issues at the clock's time.
    e.clock.set(new Date());
    stcCode = (await codeOf(e, NAMES.STC)).code;
    snvCode = (await codeOf(e, NAMES.SNV)).code;
    const sample = await caSigned(e, '1');
    const certificatePem = new X509Certificate(Buffer.from(/<X509Certificate>([^<]+)</.exec(sample.toString('utf8'))![1]!.replace(/\s+/g, ''), 'base64')).toString();
    // Neither peer names a level: both get the spec's whole check.
    const full = await addPeer(e, { name: 'Trục kiểm tra đầy đủ', codePrefixes: ['H92'], certificatePem, inboundToken: TOKENS.full });
    const other = await addPeer(e, { name: 'Trục của CA chưa cấu hình', codePrefixes: ['H92'], certificatePem: pki.organ.certificatePem, inboundToken: TOKENS.other });
    expect([full.peer.certificateCheck, other.peer.certificateCheck]).toEqual(['chain-revocation', 'chain-revocation']);
    // Deliberately weaker than §2.7: this peer only pins its certificate.
    await addPeer(e, { name: 'Trục chỉ so chứng thư', codePrefixes: ['H92'], certificatePem: pki.organ.certificatePem, inboundToken: TOKENS.registered, certificateCheck: 'registered' });
  });

  it('a certificate of a configured CA, not revoked, is taken under chain-revocation', async () => {
    const e = env();
    const res = await push(e, await caSigned(e, '11'), TOKENS.full);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ result: 'accepted' });
  });

  it('by default a certificate of a CA that is not configured is refused (EXCHANGE_SIGNATURE_INVALID, origin hub) and the sender is told why; a peer that only pins it takes it', async () => {
    const e = env();
    const untrusted = documentPackage('000.00.12.H92', [snvCode], { number: '12', signer: pki.organ });
    const refused = await push(e, untrusted.bytes, TOKENS.other);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_SIGNATURE_INVALID', origin: 'hub', temporary: false });
    expect(refused.json().message).toContain('000.00.12.H99 test system');
    expect(refused.json().message).toContain('không chuỗi tới tổ chức chứng thực tin cậy');
    const trace = await e.database.db.selectFrom('hub_trace').select(['kind', 'error_code', 'error_origin']).where('package_id', '=', untrusted.packageId).execute();
    expect(trace).toEqual([{ kind: 'refused', error_code: 'EXCHANGE_SIGNATURE_INVALID', error_origin: 'hub' }]);
    const pinned = await push(e, untrusted.bytes, TOKENS.registered);
    expect(pinned.statusCode, pinned.body).toBe(200);
  });

  it('once the CA is a trust anchor but no CRL of it is configured, the result is EXCHANGE_SIGNATURE_INDETERMINATE (temporary, nothing stored); with its CRL the retry is taken', async () => {
    const e = env();
    const pkg = documentPackage('000.00.12.H92', [snvCode], { number: '14', signer: pki.organ });
    await trustCa(e.deps, pki.ca.certificatePem);
    const waiting = await push(e, pkg.bytes, TOKENS.other);
    expect(waiting.statusCode, waiting.body).toBe(503);
    expect(waiting.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_SIGNATURE_INDETERMINATE', origin: 'hub', temporary: true });
    expect(waiting.json().message).toContain('CRL');
    expect(await e.database.db.selectFrom('hub_outbox').select('id').where('package_id', '=', pkg.packageId).execute()).toEqual([]);

    await e.deps.uow.run((tx) => addRevocationSource(tx, { vault: e.deps.signingVault }, null, { crl: new Uint8Array(Buffer.from(pki.crl)) }));
    const retried = await push(e, pkg.bytes, TOKENS.other);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ result: 'accepted' });
  });

  it('a revoked certificate is refused under chain-revocation (EXCHANGE_SIGNATURE_INVALID), and nothing of the package is stored', async () => {
    const e = env();
    const bytes = await caSigned(e, '13');
    const ca = new FileCaDirectory(e.config.signing.caDir);
    const kek = loadKek({ provider: 'local', caDir: ca.dir, dataDir: e.config.dataDir, production: false, kekBase64: undefined });
    const serial = (await ca.readState())!.issued.find((c) => c.profile === 'organisation' && c.agencyCode === stcCode && !c.revokedAt)!.serial;
    await revokeCertificate({ store: ca, keyStore: ca.keyStore, kek, now: e.clock.now() }, serial, new Date(e.clock.now().getTime() - 60_000));
    const res = await push(e, bytes, TOKENS.full);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ result: 'refused', code: 'EXCHANGE_SIGNATURE_INVALID', origin: 'hub' });
    expect(res.json().message).toContain('thu hồi');
    expect(await e.database.db.selectFrom('hub_outbox').select('id').where('payload_sha256', '=', res.json().sha256).execute()).toEqual([]);
  });
});
