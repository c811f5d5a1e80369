import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Private keys at rest: AES-256-GCM under a key-encryption key (KEK) from configuration.
 * The associated data binds a ciphertext to the key record it belongs to, so a stored key
 * cannot be moved under another identity without failing to decrypt.
 */
export interface EncryptedKey {
  v: 1;
  alg: 'A256GCM';
  /** Identifies the KEK (first bytes of its SHA-256), so rotation can tell records apart. */
  kid: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

export class KeyEncryptionKey {
  readonly #key: Buffer;
  readonly kid: string;

  constructor(key: Uint8Array, kid: string) {
    if (key.length !== 32) throw new Error('key-encryption key must be 32 bytes (AES-256)');
    this.#key = Buffer.from(key);
    this.kid = kid;
  }

  encrypt(plaintext: Uint8Array, associatedData: string): EncryptedKey {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return {
      v: 1,
      alg: 'A256GCM',
      kid: this.kid,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  }

  decrypt(record: EncryptedKey, associatedData: string): Buffer {
    if (record.v !== 1 || record.alg !== 'A256GCM') throw new Error(`unsupported key record format ${record.alg}`);
    if (record.kid !== this.kid) throw new Error(`key record was encrypted under key-encryption key ${record.kid}, not ${this.kid}`);
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(record.iv, 'base64'));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(Buffer.from(record.tag, 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(record.ciphertext, 'base64')), decipher.final()]);
    } catch {
      throw new Error('cannot decrypt key record: wrong key-encryption key or tampered record');
    }
  }

  /** Never print key material, even by accident (console.log, JSON.stringify, util.inspect). */
  toJSON(): string {
    return `[KeyEncryptionKey ${this.kid}]`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toJSON();
  }
}
