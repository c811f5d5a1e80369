import { constants, createPrivateKey, privateEncrypt, type KeyObject } from 'node:crypto';

/** DER prefix of DigestInfo { sha256, OCTET STRING (32 bytes) } (RFC 8017 §9.2 note 1). */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * RSASSA-PKCS1-v1_5 over a digest computed elsewhere: the DigestInfo is padded (block type 1)
 * and raised to the private exponent, which is what privateEncrypt does with PKCS#1 padding.
 */
export function rsaSignSha256Digest(privateKey: KeyObject, digest: Uint8Array): Uint8Array {
  if (digest.length !== 32) throw new Error(`SHA-256 digest must be 32 bytes, got ${digest.length}`);
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error(`unsupported key type ${privateKey.asymmetricKeyType ?? 'unknown'}`);
  const block = Buffer.concat([SHA256_DIGEST_INFO, digest]);
  return new Uint8Array(privateEncrypt({ key: privateKey, padding: constants.RSA_PKCS1_PADDING }, block));
}

export function privateKeyFromPkcs8(der: Uint8Array): KeyObject {
  return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
}
