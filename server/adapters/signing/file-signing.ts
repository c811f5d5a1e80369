import { FileCaDirectory } from './ca/ca-store.ts';
import { createSigner } from './create-signer.ts';
import type { Signer } from '../../app/ports/signer.ts';
import type { KeyEncryptionKey } from './keys/key-encryption.ts';
import { loadKek, signingConfigFromEnv, type SigningConfig } from './signing-config.ts';

/**
 * Signing set up from files only (CA folder, keys, trust anchors, CRLs), for the command line
 * until the database stores certificates.
 */
export interface FileSigning {
  config: SigningConfig;
  ca: FileCaDirectory;
  kek: KeyEncryptionKey;
  signer: Signer;
}

export function fileSigning(options: { dir?: string } = {}, env: Record<string, string | undefined> = process.env): FileSigning {
  const config = signingConfigFromEnv(env);
  if (options.dir) config.caDir = options.dir;
  const ca = new FileCaDirectory(config.caDir);
  const kek = loadKek(config);
  return { config, ca, kek, signer: createSigner(config, { keyStore: ca.keyStore, kek }) };
}
