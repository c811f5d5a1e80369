import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { derFromPem, pem } from '../bytes.ts';
import type { EncryptedKey } from '../keys/key-encryption.ts';
import { FileKeyStore, type KeyStore } from '../keys/key-store.ts';
import type { TrustMaterial, TrustSource } from '../validation/trust-material.ts';
import type { CertificateProfile } from './certificate-issuer.ts';

/** The built-in test CA's own state: its root key (encrypted), what it issued and revoked. */
export interface IssuedCertificate {
  serial: string;
  profile: CertificateProfile;
  agencyCode?: string;
  username?: string;
  subject: string;
  notAfter: string;
  revokedAt?: string;
}

export interface CaState {
  version: 1;
  root: { certificate: string; key: EncryptedKey };
  issued: IssuedCertificate[];
  crlNumber: number;
  crlUrl: string | undefined;
}

export interface CaStore {
  readState(): Promise<CaState | undefined>;
  writeState(state: CaState): Promise<void>;
  publishRoot(der: Uint8Array): Promise<void>;
  publishCrl(der: Uint8Array): Promise<void>;
}

/**
 * One folder holds the CA material, and is also the file-based trust source:
 *   ca-state.json   CA state (root key encrypted under the KEK)
 *   root.crt        test CA root, PEM (a trust anchor)
 *   trust/          further trust anchors (PEM or DER), e.g. the Government CA roots
 *   intermediates/  intermediate CA certificates
 *   crl/            CRLs (DER or PEM); crl/root.crl is the test CA's
 *   keys/           signing keys (see FileKeyStore)
 */
export class FileCaDirectory implements CaStore, TrustSource {
  readonly keyStore: KeyStore;

  constructor(readonly dir: string) {
    this.keyStore = new FileKeyStore(path.join(dir, 'keys'));
  }

  async readState(): Promise<CaState | undefined> {
    try {
      return JSON.parse(await readFile(path.join(this.dir, 'ca-state.json'), 'utf8')) as CaState;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async writeState(state: CaState): Promise<void> {
    await this.#atomicWrite('ca-state.json', JSON.stringify(state, null, 2) + '\n', 0o600);
  }

  async publishRoot(der: Uint8Array): Promise<void> {
    await this.#atomicWrite('root.crt', pem('CERTIFICATE', der), 0o644);
  }

  async publishCrl(der: Uint8Array): Promise<void> {
    await this.#atomicWrite(path.join('crl', 'root.crl'), der, 0o644);
  }

  async load(): Promise<TrustMaterial> {
    const anchors = [...(await this.#readCerts('root.crt')), ...(await this.#readFolder('trust'))];
    return { anchors, intermediates: await this.#readFolder('intermediates'), crls: await this.#readFolder('crl') };
  }

  async #readCerts(name: string): Promise<Uint8Array[]> {
    try {
      return decode(await readFile(path.join(this.dir, name)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async #readFolder(folder: string): Promise<Uint8Array[]> {
    let names: string[];
    try {
      names = await readdir(path.join(this.dir, folder));
    } catch {
      return [];
    }
    const out: Uint8Array[] = [];
    for (const name of names.sort()) out.push(...(await this.#readCerts(path.join(folder, name))));
    return out;
  }

  async #atomicWrite(name: string, data: string | Uint8Array, mode: number): Promise<void> {
    const file = path.join(this.dir, name);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, data, { mode });
    await rename(temp, file);
  }
}

/** PEM (one or more blocks) or a single DER object. */
function decode(bytes: Buffer): Uint8Array[] {
  const text = bytes.subarray(0, 64).toString('latin1');
  return text.includes('-----BEGIN') ? derFromPem(bytes.toString('latin1')) : [new Uint8Array(bytes)];
}
