import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeIdentity, type SigningIdentity } from '../../../app/ports/signer.ts';
import type { EncryptedKey } from './key-encryption.ts';

/**
 * Where signing keys live: the certificate chain in clear, the private key only encrypted
 * (AES-256-GCM under the KEK, bound to the identity). Files now; a database table later,
 * behind the same interface.
 */
export interface KeyRecord {
  identity: SigningIdentity;
  /** Base64 DER certificates, the signer's first. */
  certificateChain: string[];
  key: EncryptedKey;
  /** The associated data the key was encrypted under; absent: keyAad(identity). */
  aad?: string;
  source: 'test-ca' | 'pkcs12';
  createdAt: string;
}

export interface KeyStore {
  get(identity: SigningIdentity): Promise<KeyRecord | undefined>;
  put(record: KeyRecord): Promise<void>;
  list(): Promise<KeyRecord[]>;
}

/** Associated data binding an encrypted key to its identity. */
export function keyAad(identity: SigningIdentity): string {
  return `lienthong-signing-key:${describeIdentity(identity)}`;
}

export class FileKeyStore implements KeyStore {
  constructor(private readonly dir: string) {}

  #file(identity: SigningIdentity): string {
    return path.join(this.dir, `${encodeURIComponent(describeIdentity(identity))}.json`);
  }

  async get(identity: SigningIdentity): Promise<KeyRecord | undefined> {
    try {
      return JSON.parse(await readFile(this.#file(identity), 'utf8')) as KeyRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async put(record: KeyRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = this.#file(record.identity);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(record, null, 2) + '\n', { mode: 0o600 });
    await rename(temp, file);
  }

  async list(): Promise<KeyRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const out: KeyRecord[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      out.push(JSON.parse(await readFile(path.join(this.dir, name), 'utf8')) as KeyRecord);
    }
    return out;
  }
}

export class MemoryKeyStore implements KeyStore {
  readonly #records = new Map<string, KeyRecord>();
  async get(identity: SigningIdentity): Promise<KeyRecord | undefined> {
    return this.#records.get(describeIdentity(identity));
  }
  async put(record: KeyRecord): Promise<void> {
    this.#records.set(describeIdentity(record.identity), record);
  }
  async list(): Promise<KeyRecord[]> {
    return [...this.#records.values()];
  }
}
