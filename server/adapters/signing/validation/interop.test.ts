import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { pem } from '../bytes.ts';
import { keyAad } from '../keys/key-store.ts';
import { signPdf } from '../pades/sign-pdf.ts';
import { createTestPki, requireTool, samplePdf, type TestPki } from '../testing/test-pki.ts';
import { validatePdf } from './validate-pdf.ts';

// RSA key generation for a fresh test CA is slow on a loaded machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/**
 * Our validator must accept CMS made by someone else, not only by our own writer: the signature
 * of a PDF we prepared is replaced by one OpenSSL makes over the same byte ranges.
 */
let pki: TestPki;
let work: string;
const identity = { kind: 'personal', agencyCode: 'SXD', username: 'gd.sxd' } as const;

beforeAll(async () => {
  pki = await createTestPki();
  work = mkdtempSync(path.join(tmpdir(), 'lienthong-interop-'));
  const record = (await pki.ca.keyStore.get(identity))!;
  const key = pki.kek.decrypt(record.key, keyAad(identity));
  writeFileSync(path.join(work, 'key.pem'), createPrivateKey({ key, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }));
  writeFileSync(path.join(work, 'cert.pem'), pem('CERTIFICATE', Buffer.from(record.certificateChain[0]!, 'base64')));
}, 120_000);

function resignWithOpenssl(signed: Uint8Array, extra: string[]): Uint8Array {
  const bytes = Buffer.from(signed);
  const text = bytes.toString('latin1');
  const range = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(text.slice(text.lastIndexOf('/ByteRange')))!.slice(1).map(Number) as [number, number, number, number];
  const content = Buffer.concat([bytes.subarray(0, range[1]), bytes.subarray(range[2], range[2] + range[3])]);
  writeFileSync(path.join(work, 'content.bin'), content);
  const cms = execFileSync(requireTool('openssl', 'openssl'), [
    'cms', '-sign', '-binary', '-in', path.join(work, 'content.bin'), '-signer', path.join(work, 'cert.pem'),
    '-inkey', path.join(work, 'key.pem'), '-outform', 'DER', '-md', 'sha256', '-nosmimecap', ...extra,
  ]);
  const hex = cms.toString('hex').toUpperCase();
  expect(hex.length).toBeLessThan(range[2] - range[1] - 2);
  bytes.write(hex.padEnd(range[2] - range[1] - 2, '0'), range[1] + 1, 'latin1');
  return new Uint8Array(bytes);
}

describe('interoperability', () => {
  it('accepts a CAdES signature made by OpenSSL (with signing-certificate-v2)', async () => {
    const ours = await signPdf({ pdf: await samplePdf(), signer: pki.signer, identity, appearance: { kind: 'invisible' } });
    const theirs = resignWithOpenssl(ours, ['-cades']);
    expect(Buffer.from(theirs).equals(Buffer.from(ours))).toBe(false);
    expect(await validatePdf(theirs, await pki.ca.load())).toMatchObject({ status: 'VALID' });
  });

  it('rejects OpenSSL’s signature over other bytes', async () => {
    const ours = await signPdf({ pdf: await samplePdf(), signer: pki.signer, identity, appearance: { kind: 'invisible' } });
    const theirs = resignWithOpenssl(ours, []);
    const tampered = Buffer.from(theirs);
    tampered[tampered.indexOf('Trang 1') + 6] = 0x38;
    const result = await validatePdf(tampered, await pki.ca.load());
    expect(result.status).toBe('INVALID');
    expect(result.signatures[0]!.reasons).toContain('DIGEST_MISMATCH');
  });
});
