import { mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SigningIdentity } from '../../../app/ports/signer.ts';
import type { KeyEncryptionKey } from '../keys/key-encryption.ts';
import type { KeyStore } from '../keys/key-store.ts';
import type { CaStore } from './ca-store.ts';
import { initTestCa, type AgencyEntry, type SignerEntry } from './test-ca.ts';

/**
 * Demo and test mode: keys from the built-in test CA, issued on first use instead of all at once
 * (a province has 100+ agencies and signers; RSA key generation is the slow part). Idempotent and
 * safe when several processes ask at once: one process at a time issues, under an exclusive lock
 * file in the CA folder, and each re-checks the key store after taking the lock.
 */
export interface DemoKeyIssuerOptions {
  store: CaStore;
  keyStore: KeyStore;
  kek: KeyEncryptionKey;
  /** Folder for the lock file (the CA folder). */
  dir: string;
  now: () => Date;
  /** Root key size when the root is created here (2048 in tests keeps them fast). */
  rootKeyBits: number;
  crlUrl?: string;
}

const LOCK_STALE_MS = 60_000;
const LOCK_WAIT_MS = 120_000;

export class DemoKeyIssuer {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: DemoKeyIssuerOptions) {}

  /** Makes sure `identity` has a key; issues it (and the agency's organisation key) if missing. */
  async ensure(identity: SigningIdentity, agency: AgencyEntry, signer?: SignerEntry): Promise<void> {
    if (await this.options.keyStore.get(identity)) return;
    await this.#exclusive(async () => {
      if (await this.options.keyStore.get(identity)) return;
      await initTestCa(
        { store: this.options.store, keyStore: this.options.keyStore, kek: this.options.kek, now: this.options.now() },
        {
          agencies: [agency],
          signers: signer ? [signer] : [],
          rootKeyBits: this.options.rootKeyBits,
          ...(this.options.crlUrl ? { crlUrl: this.options.crlUrl } : {}),
        },
      );
    });
  }

  /** Runs `fn` alone in this process and across processes sharing the CA folder. */
  async #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(() => withLockFile(path.join(this.options.dir, '.issue.lock'), fn));
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** An O_EXCL lock file; one left by a crashed process is taken over after a minute. */
export async function withLockFile<T>(file: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const started = Date.now();
  let delay = 20;
  for (;;) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const info = await stat(file).catch(() => undefined);
      if (info && Date.now() - info.mtimeMs > LOCK_STALE_MS) {
        await rm(file, { force: true });
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`could not take the signing key lock ${file} within ${LOCK_WAIT_MS / 1000} s`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 250);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(file, { force: true });
  }
}
