import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bufferSource, normaliseSerial, toHex } from '../bytes.ts';
import { AGENCIES, createTestPki, SIGNERS, type TestPki } from '../testing/test-pki.ts';
import { initTestCa, revokeCertificate } from './test-ca.ts';

// RSA key generation for a fresh test CA is slow on a loaded machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let pki: TestPki;

beforeAll(async () => {
  pki = await createTestPki();
}, 120_000);

function revokedSerials(crlDer: Uint8Array): string[] {
  const crl = pkijs.CertificateRevocationList.fromBER(bufferSource(crlDer));
  return (crl.revokedCertificates ?? []).map((r) => normaliseSerial(toHex(r.userCertificate.valueBlock.valueHexView)));
}

describe('test CA', () => {
  it('issues an organisation certificate per agency and a personal one per signer, chained to the root', async () => {
    const trust = await pki.ca.load();
    const root = new X509Certificate(Buffer.from(trust.anchors[0]!));
    expect(root.ca).toBe(true);
    expect(root.subject).toContain('CN=Lienthong Test Root CA');
    const records = await pki.ca.keyStore.list();
    expect(records).toHaveLength(AGENCIES.length + SIGNERS.length);
    const org = await pki.signer.getCertificateChain({ kind: 'organisation', agencyCode: 'SXD' });
    const person = await pki.signer.getCertificateChain({ kind: 'personal', agencyCode: 'SXD', username: 'gd.sxd' });
    for (const [der, cn] of [
      [org[0]!, 'Sở Xây dựng'],
      [person[0]!, 'Nguyễn Văn Ánh'],
    ] as const) {
      const cert = new X509Certificate(Buffer.from(der));
      expect(cert.subject).toContain(`CN=${cn}`);
      expect(cert.subject).toContain('O=Sở Xây dựng');
      expect(cert.ca).toBe(false);
      expect(cert.verify(root.publicKey)).toBe(true);
    }
  });

  it('keeps private keys only encrypted on disk', async () => {
    const files = (await pki.ca.keyStore.list()).length;
    expect(files).toBeGreaterThan(0);
    const state = readFileSync(path.join(pki.dir, 'ca-state.json'), 'utf8');
    const parsed = JSON.parse(state);
    expect(parsed.root.key.alg).toBe('A256GCM');
    const rootKey = pki.kek.decrypt(parsed.root.key, 'lienthong-test-ca-root');
    expect(rootKey.subarray(0, 2).toString('hex')).toBe('3082'); // it is a PKCS#8 key…
    expect(state).not.toContain(rootKey.toString('base64').slice(0, 40)); // …that is not in the file
    expect(state).not.toContain('PRIVATE KEY');
    expect(statSync(path.join(pki.dir, 'ca-state.json')).mode & 0o077).toBe(0);
  });

  it('publishes a CRL signed by the root, and revocation adds the serial', async () => {
    const crlFile = path.join(pki.dir, 'crl', 'root.crl');
    expect(revokedSerials(readFileSync(crlFile))).toEqual([]);
    const chain = await pki.signer.getCertificateChain({ kind: 'personal', agencyCode: 'SXD', username: 'pgd.sxd' });
    const serial = new X509Certificate(Buffer.from(chain[0]!)).serialNumber;
    const ctx = { store: pki.ca, keyStore: pki.ca.keyStore, kek: pki.kek };
    const record = await revokeCertificate(ctx, serial);
    expect(record.username).toBe('pgd.sxd');
    expect(revokedSerials(readFileSync(crlFile))).toEqual([normaliseSerial(serial)]);
    const crl = pkijs.CertificateRevocationList.fromBER(bufferSource(readFileSync(crlFile)));
    const root = pkijs.Certificate.fromBER(bufferSource((await pki.ca.load()).anchors[0]!));
    expect(await crl.verify({ issuerCertificate: root })).toBe(true);
    await expect(revokeCertificate(ctx, 'abcdef')).rejects.toThrow(/no certificate with serial abcdef/);
  });

  it('running init again keeps the root and issues only what is missing', async () => {
    const before = (await pki.ca.load()).anchors[0]!;
    const result = await initTestCa(
      { store: pki.ca, keyStore: pki.ca.keyStore, kek: pki.kek },
      { agencies: [...AGENCIES, { code: 'SYT', name: 'Sở Y tế' }], signers: SIGNERS },
    );
    expect(result.createdRoot).toBe(false);
    expect(result.issued.map((c) => c.agencyCode)).toEqual(['SYT']);
    expect(Buffer.from((await pki.ca.load()).anchors[0]!).equals(Buffer.from(before))).toBe(true);
  });
});
