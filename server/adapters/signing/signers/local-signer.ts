import type { KeyObject } from 'node:crypto';
import { describeIdentity, type DigestSignature, type SignDigestRequest, type Signer, type SigningIdentity } from '../../../app/ports/signer.ts';
import type { KeyEncryptionKey } from '../keys/key-encryption.ts';
import { keyAad, type KeyStore } from '../keys/key-store.ts';
import { privateKeyFromPkcs8, rsaSignSha256Digest } from './rsa-digest.ts';

/**
 * Keys imported from PKCS#12 (or issued by the test CA), kept encrypted in a KeyStore and
 * decrypted in memory when used. One instance signs any number of documents.
 */
export class LocalSigner implements Signer {
  readonly provider = 'local';
  readonly #keys = new Map<string, KeyObject>();

  constructor(
    private readonly store: KeyStore,
    private readonly kek: KeyEncryptionKey,
  ) {}

  async getCertificateChain(identity: SigningIdentity): Promise<Uint8Array[]> {
    const record = await this.store.get(identity);
    if (!record) throw new Error(`no signing key for ${describeIdentity(identity)}`);
    return record.certificateChain.map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
  }

  async signDigest(request: SignDigestRequest): Promise<DigestSignature> {
    if (request.digestAlgorithm !== 'SHA-256') throw new Error(`unsupported digest ${request.digestAlgorithm}`);
    const key = await this.#key(request.identity);
    return { signature: rsaSignSha256Digest(key, request.digest), algorithm: 'RSASSA-PKCS1-v1_5' };
  }

  async #key(identity: SigningIdentity): Promise<KeyObject> {
    const id = describeIdentity(identity);
    const record = await this.store.get(identity);
    if (!record) throw new Error(`no signing key for ${id}`);
    // Keyed by the stored ciphertext too: a key replaced by another process is never used stale.
    const cacheKey = `${id}|${record.key.iv}`;
    const cached = this.#keys.get(cacheKey);
    if (cached) return cached;
    const pkcs8 = this.kek.decrypt(record.key, record.aad ?? keyAad(identity));
    try {
      const key = privateKeyFromPkcs8(pkcs8);
      this.#keys.set(cacheKey, key);
      return key;
    } finally {
      pkcs8.fill(0);
    }
  }

  /** Forget decrypted keys (after a key is replaced or revoked). */
  clearCache(): void {
    this.#keys.clear();
  }
}
