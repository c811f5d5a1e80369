import { generateKeyPair, webcrypto } from 'node:crypto';
import { bufferSource } from '../bytes.ts';

export interface RsaKeyPair {
  /** PKCS#8 DER. Handle as secret: encrypt before storing, never log. */
  privateKeyPkcs8: Buffer;
  publicKeySpki: Buffer;
}

export function generateRsaKeyPair(modulusLength = 2048): Promise<RsaKeyPair> {
  return new Promise((resolve, reject) => {
    generateKeyPair(
      'rsa',
      { modulusLength, publicKeyEncoding: { type: 'spki', format: 'der' }, privateKeyEncoding: { type: 'pkcs8', format: 'der' } },
      (error, publicKey, privateKey) => {
        if (error) reject(error);
        else resolve({ privateKeyPkcs8: privateKey, publicKeySpki: publicKey });
      },
    );
  });
}

const RSA_SHA256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

export function importRsaPrivateKey(pkcs8: Uint8Array): Promise<CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', bufferSource(pkcs8), RSA_SHA256, false, ['sign']) as Promise<CryptoKey>;
}

export function importRsaPublicKey(spki: Uint8Array): Promise<CryptoKey> {
  return webcrypto.subtle.importKey('spki', bufferSource(spki), RSA_SHA256, true, ['verify']) as Promise<CryptoKey>;
}
