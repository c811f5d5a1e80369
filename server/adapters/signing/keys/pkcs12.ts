import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import type { SigningIdentity } from '../../../app/ports/signer.ts';
import { certificateSummary } from '../pades/certificate-summary.ts';
import type { SignerSummary } from '../../../domain/signature/validation-result.ts';
import { bufferSource } from '../bytes.ts';
import type { KeyEncryptionKey } from './key-encryption.ts';
import { keyAad, type KeyStore } from './key-store.ts';
import { decryptWithPassword, Pkcs12Error, verifyMac } from './pkcs12-crypto.ts';

/**
 * PKCS#12 (.p12/.pfx), the form in which the Government CA and commercial CAs deliver keys.
 * Supports password integrity (HMAC), PBES2 with AES and the PKCS#12 3DES scheme; RC2 is refused
 * with a clear message (OpenSSL 3 no longer ships it).
 */
export interface Pkcs12Contents {
  /** PKCS#8 DER: secret; encrypt it before it is stored anywhere. */
  privateKeyPkcs8: Buffer;
  /** The certificate that matches the key first, then the others. */
  certificates: Uint8Array[];
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
} as const;

function parse(bytes: Uint8Array): asn1js.AsnType {
  const result = asn1js.fromBER(bufferSource(bytes));
  if (result.offset === -1) throw new Pkcs12Error('not a PKCS#12 file (cannot read its structure)');
  return result.result;
}

/** Bytes of an OCTET STRING, primitive or constructed (BER), or of an IMPLICIT one. */
function octets(node: asn1js.AsnType): Uint8Array {
  const base = node as asn1js.BaseBlock;
  const block = base.valueBlock as unknown as { valueHexView?: Uint8Array; value?: asn1js.AsnType[] };
  // asn1js also decodes a primitive OCTET STRING's content as nested ASN.1 when it can; only a
  // constructed (BER, chunked) one is made of pieces.
  if (base.idBlock.isConstructed) return Buffer.concat((block.value ?? []).map((child) => octets(child)));
  return block.valueHexView ?? new Uint8Array();
}

function oidOf(node: asn1js.AsnType | undefined): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw new Pkcs12Error('unexpected PKCS#12 structure');
  return node.valueBlock.toString();
}

function children(node: asn1js.AsnType | undefined): asn1js.AsnType[] {
  const value = (node as asn1js.Constructed | undefined)?.valueBlock?.value;
  if (!Array.isArray(value)) throw new Pkcs12Error('unexpected PKCS#12 structure');
  return value;
}

export function readPkcs12(file: Uint8Array, password: string): Pkcs12Contents {
  const pfx = children(parse(file));
  const authSafe = children(pfx[1]);
  if (oidOf(authSafe[0]) !== OID.data) throw new Pkcs12Error('PKCS#12 files signed with a public key are not supported');
  const authSafeContent = octets(children(authSafe[1])[0]!);
  if (pfx[2] instanceof asn1js.Sequence) verifyMac(pfx[2], authSafeContent, password);

  const keys: Buffer[] = [];
  const certificates: Uint8Array[] = [];
  for (const contentInfo of children(parse(authSafeContent))) {
    const [typeNode, contentNode] = children(contentInfo);
    const type = oidOf(typeNode);
    let safeContents: Uint8Array;
    if (type === OID.data) safeContents = octets(children(contentNode)[0]!);
    else if (type === OID.encryptedData) {
      const encryptedData = children(children(contentNode)[0]);
      const encryptedContentInfo = children(encryptedData[1]);
      safeContents = decryptWithPassword(encryptedContentInfo[1] as asn1js.Sequence, octets(encryptedContentInfo[2]!), password);
    } else throw new Pkcs12Error(`unsupported PKCS#12 content ${type}`);

    for (const bag of children(parse(safeContents))) {
      const [bagIdNode, bagValueNode] = children(bag);
      const bagId = oidOf(bagIdNode);
      const value = children(bagValueNode)[0]!;
      if (bagId === OID.keyBag) keys.push(Buffer.from((value as asn1js.Sequence).toBER(false)));
      else if (bagId === OID.shroudedKeyBag) {
        const [algorithm, encrypted] = children(value);
        keys.push(decryptWithPassword(algorithm as asn1js.Sequence, octets(encrypted!), password));
      } else if (bagId === OID.certBag) {
        const [certType, certValue] = children(value);
        if (oidOf(certType) === OID.x509Certificate) certificates.push(new Uint8Array(octets(children(certValue)[0]!)));
      }
    }
  }
  if (keys.length !== 1) throw new Pkcs12Error(`the PKCS#12 file must hold exactly one private key, it holds ${keys.length}`);
  const privateKeyPkcs8 = keys[0]!;
  const publicKey = createPublicKey(createPrivateKey({ key: privateKeyPkcs8, format: 'der', type: 'pkcs8' }))
    .export({ format: 'der', type: 'spki' });
  const ownIndex = certificates.findIndex((der) => new X509Certificate(Buffer.from(der)).publicKey.export({ format: 'der', type: 'spki' }).equals(publicKey));
  if (ownIndex < 0) throw new Pkcs12Error('the PKCS#12 file holds no certificate for its private key');
  const own = certificates.splice(ownIndex, 1)[0]!;
  return { privateKeyPkcs8, certificates: [own, ...orderChain(own, certificates)] };
}

/** Issuers in order from the signer's up, as far as the file holds them. */
function orderChain(leaf: Uint8Array, rest: Uint8Array[]): Uint8Array[] {
  const remaining = rest.map((der) => ({ der, x509: new X509Certificate(Buffer.from(der)) }));
  const ordered: Uint8Array[] = [];
  let current = new X509Certificate(Buffer.from(leaf));
  while (remaining.length > 0) {
    const index = remaining.findIndex((c) => current.checkIssued(c.x509));
    if (index < 0) break;
    const [next] = remaining.splice(index, 1);
    ordered.push(next!.der);
    if (next!.x509.checkIssued(next!.x509)) break;
    current = next!.x509;
  }
  return [...ordered, ...remaining.map((c) => c.der)];
}

/**
 * Imports a PKCS#12 file for an identity: the key is encrypted under the KEK at once and only
 * the certificate's description is returned.
 */
export async function importPkcs12(
  deps: { keyStore: KeyStore; kek: KeyEncryptionKey; now?: Date },
  identity: SigningIdentity,
  file: Uint8Array,
  password: string,
): Promise<SignerSummary> {
  const contents = readPkcs12(file, password);
  try {
    await deps.keyStore.put({
      identity,
      certificateChain: contents.certificates.map((der) => Buffer.from(der).toString('base64')),
      key: deps.kek.encrypt(contents.privateKeyPkcs8, keyAad(identity)),
      source: 'pkcs12',
      createdAt: (deps.now ?? new Date()).toISOString(),
    });
  } finally {
    contents.privateKeyPkcs8.fill(0);
  }
  return certificateSummary(contents.certificates[0]!);
}
