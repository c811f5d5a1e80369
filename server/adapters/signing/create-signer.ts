import type { Signer } from '../../app/ports/signer.ts';
import { ConfigError } from '../../config/env.ts';
import type { KeyEncryptionKey } from './keys/key-encryption.ts';
import type { KeyStore } from './keys/key-store.ts';
import { FakeRemoteSigner } from './signers/fake-remote-signer.ts';
import { LocalSigner } from './signers/local-signer.ts';

export const SIGNER_PROVIDERS = ['local', 'fake-remote'] as const;
export type SignerProvider = (typeof SIGNER_PROVIDERS)[number];

export interface SignerDependencies {
  keyStore: KeyStore;
  kek: KeyEncryptionKey;
}

/**
 * The Signer chosen by SIGNER_PROVIDER. An unknown name stops start-up with the variable's
 * name, like every other configuration error. Remote services (VNPT SmartCA, Viettel MySign)
 * and PKCS#11 tokens are added here as new cases implementing the same port.
 */
export function createSigner(config: { provider: string; production?: boolean }, deps: SignerDependencies): Signer {
  switch (config.provider) {
    case 'local':
      return new LocalSigner(deps.keyStore, deps.kek);
    case 'fake-remote':
      if (config.production) throw new ConfigError('SIGNER_PROVIDER', '"fake-remote" is for tests and cannot be used in production');
      return new FakeRemoteSigner();
    default:
      throw new ConfigError(
        'SIGNER_PROVIDER',
        `unknown signer provider "${config.provider}" (expected one of ${SIGNER_PROVIDERS.join(', ')})`,
      );
  }
}
