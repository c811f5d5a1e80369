import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { pem } from '../bytes.ts';
import type { CaState } from '../ca/ca-store.ts';
import { issueCertificate } from '../ca/certificate-issuer.ts';
import { generateRsaKeyPair } from '../ca/rsa-keys.ts';
import { signPdf } from '../pades/sign-pdf.ts';
import { createTestPki, requireTool, samplePdf, type TestPki } from '../testing/test-pki.ts';
import { validatePdf } from './validate-pdf.ts';

// RSA key generation for a fresh test CA is slow on a loaded machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/**
 * A document time-stamp (RFC 3161 token whose imprint is the hash of the signed ranges) made by
 * OpenSSL's time-stamping authority over a file we prepared: checked by its imprint, not as CAdES.
 */
let pki: TestPki;
let work: string;

beforeAll(async () => {
  pki = await createTestPki();
  work = mkdtempSync(path.join(tmpdir(), 'lienthong-tsa-'));
  const state = JSON.parse(readFileSync(path.join(pki.dir, 'ca-state.json'), 'utf8')) as CaState;
  const rootKey = pki.kek.decrypt(state.root.key, 'lienthong-test-ca-root');
  const rootDer = new Uint8Array(Buffer.from(state.root.certificate, 'base64'));
  const keys = await generateRsaKeyPair();
  const now = new Date();
  const tsa = await issueCertificate({
    profile: 'tsa',
    subject: { country: 'VN', organisation: 'Lienthong (thử nghiệm)', commonName: 'Lienthong Test TSA' },
    subjectPublicKeySpki: keys.publicKeySpki,
    issuer: { certificateDer: rootDer, privateKeyPkcs8: rootKey },
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: new Date(now.getTime() + 365 * 86_400_000),
  });
  writeFileSync(path.join(work, 'tsa.pem'), pem('CERTIFICATE', tsa));
  writeFileSync(path.join(work, 'tsa.key'), createPrivateKey({ key: keys.privateKeyPkcs8, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }));
  writeFileSync(path.join(work, 'serial'), '01\n');
  writeFileSync(
    path.join(work, 'ts.cnf'),
    [
      '[ tsa ]',
      'default_tsa = tsa_config',
      '[ tsa_config ]',
      `serial = ${path.join(work, 'serial')}`,
      `signer_cert = ${path.join(work, 'tsa.pem')}`,
      `signer_key = ${path.join(work, 'tsa.key')}`,
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      'digests = sha256',
      'ess_cert_id_alg = sha256',
      '',
    ].join('\n'),
  );
}, 120_000);

function timestampToken(digestHex: string): Buffer {
  const openssl = requireTool('openssl', 'openssl');
  const query = path.join(work, 'req.tsq');
  const token = path.join(work, 'token.der');
  execFileSync(openssl, ['ts', '-query', '-digest', digestHex, '-sha256', '-cert', '-no_nonce', '-out', query], { stdio: 'pipe' });
  execFileSync(openssl, ['ts', '-reply', '-config', path.join(work, 'ts.cnf'), '-queryfile', query, '-token_out', '-out', token], { stdio: 'pipe' });
  return readFileSync(token);
}

function replaceContents(signed: Uint8Array, cms: (rangeHash: string) => Buffer, tamper = false): Uint8Array {
  const bytes = Buffer.from(signed);
  const text = bytes.toString('latin1');
  const [, b, c, d] = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(text.slice(text.lastIndexOf('/ByteRange')))!.slice(1).map(Number) as number[];
  const hash = createHash('sha256').update(bytes.subarray(0, b)).update(bytes.subarray(c!, c! + d!)).digest('hex');
  const token = cms(hash).toString('hex').toUpperCase();
  bytes.write(token.padEnd(c! - b! - 2, '0'), b! + 1, 'latin1');
  if (tamper) bytes[bytes.indexOf('Trang 1') + 6] = 0x37;
  return new Uint8Array(bytes);
}

describe('document time-stamps', () => {
  it('a time-stamp token over the signed ranges is VALID, and over other bytes INVALID', async () => {
    const prepared = await signPdf({
      pdf: await samplePdf(),
      signer: pki.signer,
      identity: { kind: 'organisation', agencyCode: 'SXD' },
      appearance: { kind: 'invisible' },
      reservedBytes: 8_192,
    });
    const trust = await pki.ca.load();
    const stamped = replaceContents(prepared, timestampToken);
    const result = await validatePdf(stamped, trust);
    expect(result.signatures[0]).toMatchObject({ status: 'VALID', signer: { commonName: 'Lienthong Test TSA' } });
    const tampered = await validatePdf(replaceContents(prepared, timestampToken, true), trust);
    expect(tampered.signatures[0]!.reasons).toContain('DIGEST_MISMATCH');
  });
});
