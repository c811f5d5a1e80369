import { execFileSync } from 'node:child_process';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { pem } from '../bytes.ts';
import { signPdf } from '../pades/sign-pdf.ts';
import { LocalSigner } from '../signers/local-signer.ts';
import { kekFromBase64 } from '../signing-config.ts';
import { createTestPki, requireTool, samplePdf, type TestPki } from '../testing/test-pki.ts';
import { validatePdf } from '../validation/validate-pdf.ts';
import { FileKeyStore, keyAad } from './key-store.ts';
import { importPkcs12, readPkcs12 } from './pkcs12.ts';

// RSA key generation for a fresh test CA is slow on a loaded machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let pki: TestPki;
let work: string;
const password = 'Mật-khẩu 123';
const source = { kind: 'personal', agencyCode: 'SXD', username: 'gd.sxd' } as const;

/** Exports a test CA key as a .p12 with openssl, the way a CA hands one over. */
function exportP12(name: string, extra: string[]): Uint8Array {
  const openssl = requireTool('openssl', 'openssl');
  const keyFile = path.join(work, `${name}.key`);
  const certFile = path.join(work, `${name}.crt`);
  const caFile = path.join(work, `${name}-ca.crt`);
  const out = path.join(work, `${name}.p12`);
  execFileSync(openssl, ['pkcs12', '-export', '-inkey', keyFile, '-in', certFile, '-certfile', caFile, '-out', out, '-passout', `pass:${password}`, ...extra]);
  return new Uint8Array(readFileSync(out));
}

beforeAll(async () => {
  pki = await createTestPki();
  work = mkdtempSync(path.join(tmpdir(), 'lienthong-p12-'));
  const record = (await pki.ca.keyStore.get(source))!;
  const key = pki.kek.decrypt(record.key, keyAad(source));
  for (const name of ['aes', 'des']) {
    writeFileSync(path.join(work, `${name}.key`), createPrivateKey({ key, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }));
    writeFileSync(path.join(work, `${name}.crt`), pem('CERTIFICATE', Buffer.from(record.certificateChain[0]!, 'base64')));
    writeFileSync(path.join(work, `${name}-ca.crt`), pem('CERTIFICATE', Buffer.from(record.certificateChain[1]!, 'base64')));
  }
}, 120_000);

describe('PKCS#12 import', () => {
  it('reads an AES (PBES2) file and a 3DES file, key first matched to its certificate', () => {
    for (const file of [exportP12('aes', []), exportP12('des', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'])]) {
      const contents = readPkcs12(file, password);
      expect(contents.certificates).toHaveLength(2);
      expect(Buffer.from(contents.certificates[0]!).toString('base64')).toBe((readFileSync(path.join(work, 'aes.crt'), 'utf8').split('\n').slice(1, -2).join('')));
      expect(createPrivateKey({ key: contents.privateKeyPkcs8, format: 'der', type: 'pkcs8' }).asymmetricKeyType).toBe('rsa');
    }
  });

  it('refuses a wrong password', () => {
    expect(() => readPkcs12(exportP12('aes', []), 'sai mật khẩu')).toThrow(/wrong password/);
  });

  it('stores the key encrypted under the KEK, and the imported key signs a valid PDF', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lienthong-keys-'));
    const keyStore = new FileKeyStore(dir);
    const kek = kekFromBase64(randomBytes(32).toString('base64'));
    const identity = { kind: 'personal', agencyCode: 'SXD', username: 'imported' } as const;
    const summary = await importPkcs12({ keyStore, kek }, identity, exportP12('aes', []), password);
    expect(summary).toMatchObject({ commonName: 'Nguyễn Văn Ánh', organisation: 'Sở Xây dựng' });
    expect(JSON.stringify(summary)).not.toMatch(/PRIVATE|key/i);

    const stored = readFileSync(path.join(dir, readdirSync(dir)[0]!), 'utf8');
    const plain = kek.decrypt(JSON.parse(stored).key, keyAad(identity));
    expect(stored).not.toContain(plain.toString('base64').slice(0, 32));
    expect(stored).not.toContain(plain.toString('hex').slice(0, 32));
    // Bound to its identity: the same record under another name does not decrypt.
    expect(() => kek.decrypt(JSON.parse(stored).key, keyAad(source))).toThrow(/cannot decrypt/);
    // The KEK never prints itself.
    expect(inspect(kek)).not.toContain(plain.toString('base64').slice(0, 8));
    expect(JSON.stringify({ kek })).toMatch(/KeyEncryptionKey/);

    const signed = await signPdf({ pdf: await samplePdf(), signer: new LocalSigner(keyStore, kek), identity, appearance: { kind: 'invisible' } });
    expect((await validatePdf(signed, await pki.ca.load())).status).toBe('VALID');
  });
});
