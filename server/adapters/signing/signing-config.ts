import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KeyEncryptionKey } from './keys/key-encryption.ts';

/**
 * Signing settings, read from the environment. They belong in the central config schema
 * (server/config/env.ts) once the lead wires them; until then this is their one reader.
 *
 * - SIGNER_PROVIDER: `local` (PKCS#12 keys kept encrypted on the server) or `fake-remote` (tests).
 * - SIGNING_KEK: base64 of 32 random bytes; encrypts private keys at rest. Required in production;
 *   otherwise generated once into DATA_DIR/signing-kek.
 * - SIGNING_CA_DIR: folder of the CA material, trust anchors and CRLs (default DATA_DIR/ca).
 */
export interface SigningConfig {
  provider: string;
  caDir: string;
  dataDir: string;
  production: boolean;
  kekBase64: string | undefined;
}

type Env = Record<string, string | undefined>;

export function signingConfigFromEnv(env: Env = process.env): SigningConfig {
  const dataDir = path.resolve(env.DATA_DIR && env.DATA_DIR !== '' ? env.DATA_DIR : './data');
  return {
    provider: env.SIGNER_PROVIDER && env.SIGNER_PROVIDER !== '' ? env.SIGNER_PROVIDER : 'local',
    caDir: path.resolve(env.SIGNING_CA_DIR && env.SIGNING_CA_DIR !== '' ? env.SIGNING_CA_DIR : path.join(dataDir, 'ca')),
    dataDir,
    production: env.NODE_ENV === 'production',
    kekBase64: env.SIGNING_KEK && env.SIGNING_KEK !== '' ? env.SIGNING_KEK : undefined,
  };
}

export function kekFromBase64(value: string): KeyEncryptionKey {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error(`SIGNING_KEK: must be base64 of exactly 32 bytes, got ${key.length} bytes`);
  return new KeyEncryptionKey(key, createHash('sha256').update(key).digest('hex').slice(0, 16));
}

/** The configured KEK, or (outside production) one generated once per data directory. */
export function loadKek(config: SigningConfig): KeyEncryptionKey {
  if (config.kekBase64 !== undefined) return kekFromBase64(config.kekBase64);
  if (config.production) throw new Error('SIGNING_KEK: is required in production (base64 of 32 random bytes)');
  const file = path.join(config.dataDir, 'signing-kek');
  if (existsSync(file)) return kekFromBase64(readFileSync(file, 'utf8').trim());
  mkdirSync(config.dataDir, { recursive: true });
  const value = randomBytes(32).toString('base64');
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return kekFromBase64(value);
}
