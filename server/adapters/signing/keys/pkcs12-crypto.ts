import { createDecipheriv, createHash, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import * as asn1js from 'asn1js';

/** Password-based crypto of PKCS#12 (RFC 7292) and PKCS#5 v2 (RFC 8018). */

const HASHES: Record<string, { name: string; u: number; v: number }> = {
  '1.3.14.3.2.26': { name: 'sha1', u: 20, v: 64 },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', u: 32, v: 64 },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', u: 48, v: 128 },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', u: 64, v: 128 },
};

const PRFS: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

const CIPHERS: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};

export class Pkcs12Error extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Pkcs12Error';
  }
}

/** Password as PKCS#12 wants it: BMPString (UTF-16BE) with a two-byte terminator. */
function bmpPassword(password: string): Buffer {
  const out = Buffer.alloc((password.length + 1) * 2);
  for (let i = 0; i < password.length; i++) out.writeUInt16BE(password.charCodeAt(i), i * 2);
  return out;
}

/** RFC 7292 Appendix B.2 key derivation; id 1 = key, 2 = IV, 3 = MAC key. */
export function pkcs12Kdf(hashOid: string, password: string, salt: Uint8Array, id: 1 | 2 | 3, iterations: number, length: number): Buffer {
  const hash = HASHES[hashOid];
  if (!hash) throw new Pkcs12Error(`unsupported PKCS#12 hash ${hashOid}`);
  const { u, v } = hash;
  const fill = (data: Buffer): Buffer => {
    if (data.length === 0) return Buffer.alloc(0);
    const out = Buffer.alloc(v * Math.ceil(data.length / v));
    for (let i = 0; i < out.length; i++) out[i] = data[i % data.length]!;
    return out;
  };
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([fill(Buffer.from(salt)), fill(bmpPassword(password))]);
  const result: Buffer[] = [];
  for (let produced = 0; produced < length; produced += u) {
    let A = createHash(hash.name).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = createHash(hash.name).update(A).digest();
    result.push(A);
    const B = Buffer.alloc(v);
    for (let i = 0; i < v; i++) B[i] = A[i % u]!;
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(result).subarray(0, length);
}

export function verifyMac(macData: asn1js.Sequence, authSafeContent: Uint8Array, password: string): void {
  const [digestInfo, saltNode, iterationsNode] = macData.valueBlock.value as [asn1js.Sequence, asn1js.OctetString, asn1js.Integer?];
  const [algorithm, digest] = digestInfo.valueBlock.value as [asn1js.Sequence, asn1js.OctetString];
  const hashOid = (algorithm.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
  const hash = HASHES[hashOid];
  if (!hash) throw new Pkcs12Error(`unsupported PKCS#12 MAC algorithm ${hashOid}`);
  const iterations = iterationsNode ? Number(iterationsNode.toBigInt()) : 1;
  const key = pkcs12Kdf(hashOid, password, saltNode.valueBlock.valueHexView, 3, iterations, hash.u);
  const mac = createHmac(hash.name, key).update(authSafeContent).digest();
  const expected = Buffer.from(digest.valueBlock.valueHexView);
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) {
    throw new Pkcs12Error('wrong password or damaged PKCS#12 file (integrity check failed)');
  }
}

/** Decrypts data protected by PBES2 or the PKCS#12 3DES scheme. */
export function decryptWithPassword(algorithm: asn1js.Sequence, ciphertext: Uint8Array, password: string): Buffer {
  const oid = (algorithm.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
  const params = algorithm.valueBlock.value[1] as asn1js.Sequence;
  if (oid === '1.2.840.113549.1.5.13') return decryptPbes2(params, ciphertext, password);
  if (oid === '1.2.840.113549.1.12.1.3') {
    const [salt, iterations] = params.valueBlock.value as [asn1js.OctetString, asn1js.Integer];
    const n = Number(iterations.toBigInt());
    const key = pkcs12Kdf('1.3.14.3.2.26', password, salt.valueBlock.valueHexView, 1, n, 24);
    const iv = pkcs12Kdf('1.3.14.3.2.26', password, salt.valueBlock.valueHexView, 2, n, 8);
    return decipher('des-ede3-cbc', key, iv, ciphertext);
  }
  if (oid === '1.2.840.113549.1.12.1.6' || oid === '1.2.840.113549.1.12.1.5') {
    throw new Pkcs12Error('the PKCS#12 file uses legacy RC2 encryption; export it again with AES (openssl pkcs12 -export without -legacy)');
  }
  throw new Pkcs12Error(`unsupported PKCS#12 encryption ${oid}`);
}

function decryptPbes2(params: asn1js.Sequence, ciphertext: Uint8Array, password: string): Buffer {
  const [kdf, scheme] = params.valueBlock.value as [asn1js.Sequence, asn1js.Sequence];
  const kdfOid = (kdf.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
  if (kdfOid !== '1.2.840.113549.1.5.12') throw new Pkcs12Error(`unsupported key derivation ${kdfOid}`);
  const kdfParams = (kdf.valueBlock.value[1] as asn1js.Sequence).valueBlock.value;
  const salt = Buffer.from((kdfParams[0] as asn1js.OctetString).valueBlock.valueHexView);
  const iterations = Number((kdfParams[1] as asn1js.Integer).toBigInt());
  let prf = 'sha1';
  for (const item of kdfParams.slice(2)) {
    if (item instanceof asn1js.Sequence) {
      const prfOid = (item.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
      const found = PRFS[prfOid];
      if (!found) throw new Pkcs12Error(`unsupported PBKDF2 function ${prfOid}`);
      prf = found;
    }
  }
  const schemeOid = (scheme.valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
  const cipher = CIPHERS[schemeOid];
  if (!cipher) throw new Pkcs12Error(`unsupported cipher ${schemeOid}`);
  const iv = Buffer.from((scheme.valueBlock.value[1] as asn1js.OctetString).valueBlock.valueHexView);
  // PBES2 inside PKCS#12 takes the password as UTF-8 bytes (as OpenSSL writes it).
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, cipher.keyLength, prf);
  return decipher(cipher.name, key, iv, ciphertext);
}

function decipher(name: string, key: Buffer, iv: Buffer, ciphertext: Uint8Array): Buffer {
  try {
    const d = createDecipheriv(name, key, iv);
    return Buffer.concat([d.update(ciphertext), d.final()]);
  } catch {
    throw new Pkcs12Error('wrong password or damaged PKCS#12 file (cannot decrypt)');
  }
}
