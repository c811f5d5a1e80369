import { execFileSync } from 'node:child_process';
import { createPrivateKey, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pem } from '../../server/adapters/signing/bytes.ts';
import { FileCaDirectory } from '../../server/adapters/signing/ca/ca-store.ts';
import { initTestCa, revokeCertificate, type AgencyEntry, type SignerEntry } from '../../server/adapters/signing/ca/test-ca.ts';
import type { KeyEncryptionKey } from '../../server/adapters/signing/keys/key-encryption.ts';
import { keyAad } from '../../server/adapters/signing/keys/key-store.ts';
import { kekFromBase64 } from '../../server/adapters/signing/signing-config.ts';
import { requireTool } from '../../server/adapters/signing/testing/test-pki.ts';
import type { SigningIdentity } from '../../server/app/ports/signer.ts';

/**
 * A CA outside the system (standing in for the Government special-use CA) whose keys reach the
 * system as PKCS#12 files, the way a CA hands them over, exported with OpenSSL.
 */
export interface ExternalCa {
  dir: string;
  ca: FileCaDirectory;
  kek: KeyEncryptionKey;
  now: Date;
  rootPem(): Buffer;
  crlDer(): Buffer;
  p12(identity: SigningIdentity, password: string): Buffer;
  serialOf(identity: SigningIdentity): Promise<string>;
  revoke(identity: SigningIdentity, at: Date): Promise<void>;
}

export async function createExternalCa(now: Date, agencies: AgencyEntry[], signers: SignerEntry[]): Promise<ExternalCa> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lt-ext-ca-'));
  const ca = new FileCaDirectory(dir);
  const kek = kekFromBase64(randomBytes(32).toString('base64'));
  await initTestCa({ store: ca, keyStore: ca.keyStore, kek, now }, { agencies, signers, rootKeyBits: 2048 });
  const ext: ExternalCa = {
    dir, ca, kek, now,
    rootPem: () => readFileSync(path.join(dir, 'root.crt')),
    crlDer: () => readFileSync(path.join(dir, 'crl', 'root.crl')),
    p12: (identity, password) => {
      const record = readRecord(dir, identity);
      const key = kek.decrypt(record.key, keyAad(identity));
      const work = mkdtempSync(path.join(tmpdir(), 'lt-p12-'));
      writeFileSync(path.join(work, 'k.pem'), createPrivateKey({ key, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }));
      writeFileSync(path.join(work, 'c.pem'), pem('CERTIFICATE', Buffer.from(record.certificateChain[0]!, 'base64')));
      writeFileSync(path.join(work, 'ca.pem'), pem('CERTIFICATE', Buffer.from(record.certificateChain[1]!, 'base64')));
      execFileSync(requireTool('openssl', 'openssl'), ['pkcs12', '-export', '-inkey', path.join(work, 'k.pem'), '-in', path.join(work, 'c.pem'), '-certfile', path.join(work, 'ca.pem'), '-out', path.join(work, 'x.p12'), '-passout', `pass:${password}`]);
      return readFileSync(path.join(work, 'x.p12'));
    },
    serialOf: async (identity) => {
      const state = (await ca.readState())!;
      const found = state.issued.find((c) => c.agencyCode === identity.agencyCode && (identity.kind === 'organisation' ? c.profile === 'organisation' : c.username === identity.username));
      return found!.serial;
    },
    revoke: async (identity, at) => {
      await revokeCertificate({ store: ca, keyStore: ca.keyStore, kek, now: at }, await ext.serialOf(identity), at);
    },
  };
  return ext;
}

function readRecord(dir: string, identity: SigningIdentity): { key: { v: 1; alg: 'A256GCM'; kid: string; iv: string; tag: string; ciphertext: string }; certificateChain: string[] } {
  const name = identity.kind === 'personal' ? `personal:${identity.agencyCode}:${identity.username}` : `organisation:${identity.agencyCode}`;
  return JSON.parse(readFileSync(path.join(dir, 'keys', `${encodeURIComponent(name)}.json`), 'utf8'));
}
