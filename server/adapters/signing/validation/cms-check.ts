import { createHash, verify, X509Certificate, type KeyObject } from 'node:crypto';
import type { SignatureReason } from '../../../domain/signature/validation-result.ts';
import { bytesOf, certificateFields, child, children, contentOf, oidOf, readNode, subjectKeyIdentifier, type DerNode } from '../der-reader.ts';

/** Result of checking the CMS against the signed bytes, before any trust decision. */
export interface CmsCheck {
  reasons: SignatureReason[];
  signerCertificate: X509Certificate | undefined;
  /** Every certificate carried in the CMS, DER. */
  certificates: Uint8Array[];
}

const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Signature algorithms we verify; `undefined` hash means "the signer-info digest algorithm". */
const SIGNATURE_ALGORITHMS: Record<string, string | undefined> = {
  '1.2.840.113549.1.1.1': undefined, // rsaEncryption
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';

interface ParsedSignerInfo {
  sid: DerNode;
  digestOid: string;
  signedAttrs: DerNode | undefined;
  signatureOid: string;
  signature: Uint8Array;
}

const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';

interface Encapsulated {
  type: string;
  /** Content of eContent, when the signature is not detached (time-stamp tokens). */
  content: Uint8Array | undefined;
}

function parse(cms: Uint8Array): { certificates: Uint8Array[]; signerInfos: ParsedSignerInfo[]; encapsulated: Encapsulated } {
  const contentInfo = readNode(cms);
  if (oidOf(child(contentInfo, 0)) !== OID_SIGNED_DATA) throw new Error('not SignedData');
  const signedData = child(child(contentInfo, 1), 0);
  const parts = children(signedData);
  const encapsulatedParts = children(parts[2]!);
  const eContent = encapsulatedParts[1];
  const encapsulated: Encapsulated = {
    type: oidOf(encapsulatedParts[0]!),
    content: eContent ? contentOf(child(eContent, 0)) : undefined,
  };
  const certificates = parts.filter((p) => p.tag === 0xa0).flatMap((p) => children(p).filter((c) => c.tag === 0x30).map((c) => bytesOf(c)));
  const signerInfos = children(parts[parts.length - 1]!).map((si) => {
    const items = children(si);
    const signedAttrs = items.find((i) => i.tag === 0xa0);
    const rest = items.filter((i) => i.tag !== 0xa0 && i.tag !== 0xa1);
    // version, sid, digestAlgorithm, signatureAlgorithm, signature
    return {
      sid: rest[1]!,
      digestOid: oidOf(child(rest[2]!, 0)),
      signedAttrs,
      signatureOid: oidOf(child(rest[3]!, 0)),
      signature: contentOf(rest[4]!),
    };
  });
  return { certificates, signerInfos, encapsulated };
}

/** Hash algorithm and value of a TSTInfo's messageImprint (RFC 3161). */
function messageImprint(tstInfo: Uint8Array): { hash: string | undefined; value: Buffer } {
  const imprint = child(readNode(tstInfo), 2);
  return { hash: DIGESTS[oidOf(child(child(imprint, 0), 0))], value: Buffer.from(contentOf(child(imprint, 1))) };
}

export function checkCms(pdf: Uint8Array, byteRange: [number, number, number, number], cms: Uint8Array): CmsCheck {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(cms);
  } catch {
    return { reasons: ['MALFORMED_SIGNATURE'], signerCertificate: undefined, certificates: [] };
  }
  const { certificates, signerInfos, encapsulated } = parsed;
  const signerInfo = signerInfos[0];
  if (!signerInfo || signerInfos.length !== 1 || !signerInfo.signedAttrs) return { reasons: ['MALFORMED_SIGNATURE'], signerCertificate: undefined, certificates };
  const signerDer = findSignerCertificate(certificates, signerInfo.sid);
  if (!signerDer) return { reasons: ['MALFORMED_SIGNATURE'], signerCertificate: undefined, certificates };
  const signerCertificate = new X509Certificate(Buffer.from(signerDer));
  const hash = DIGESTS[signerInfo.digestOid];
  if (!hash || !(signerInfo.signatureOid in SIGNATURE_ALGORITHMS)) return { reasons: ['UNSUPPORTED_ALGORITHM'], signerCertificate, certificates };

  const attributes = new Map<string, DerNode>();
  for (const attribute of children(signerInfo.signedAttrs)) {
    attributes.set(oidOf(child(attribute, 0)), child(child(attribute, 1), 0));
  }
  const messageDigest = attributes.get(OID_MESSAGE_DIGEST);
  if (!messageDigest || messageDigest.tag !== 0x04) return { reasons: ['MALFORMED_SIGNATURE'], signerCertificate, certificates };

  const reasons: SignatureReason[] = [];
  const [a, b, c, d] = byteRange;
  const rangeDigest = (algorithm: string): Buffer => createHash(algorithm).update(pdf.subarray(a, a + b)).update(pdf.subarray(c, c + d)).digest();
  if (encapsulated.type === OID_TST_INFO && encapsulated.content) {
    // Document time-stamp (ETSI.RFC3161): the token signs TSTInfo, whose imprint is the PDF hash.
    const imprint = messageImprint(encapsulated.content);
    if (!imprint.hash) return { reasons: ['UNSUPPORTED_ALGORITHM'], signerCertificate, certificates };
    if (!imprint.value.equals(rangeDigest(imprint.hash))) reasons.push('DIGEST_MISMATCH');
    if (!Buffer.from(contentOf(messageDigest)).equals(createHash(hash).update(encapsulated.content).digest())) reasons.push('SIGNATURE_INVALID');
  } else if (!Buffer.from(contentOf(messageDigest)).equals(rangeDigest(hash))) reasons.push('DIGEST_MISMATCH');

  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] stored here.
  const signedBytes = Buffer.from(bytesOf(signerInfo.signedAttrs));
  signedBytes[0] = 0x31;
  if (!safeVerify(SIGNATURE_ALGORITHMS[signerInfo.signatureOid] ?? hash, signedBytes, signerCertificate.publicKey, Buffer.from(signerInfo.signature))) {
    reasons.push('SIGNATURE_INVALID');
  }

  const essCert = attributes.get(OID_SIGNING_CERTIFICATE_V2);
  if (essCert) {
    const expected = signingCertificateV2Hash(essCert);
    if (!expected || !createHash(expected.hash).update(signerDer).digest().equals(expected.value)) reasons.push('SIGNING_CERTIFICATE_MISMATCH');
  }
  return { reasons, signerCertificate, certificates };
}

function safeVerify(hash: string, data: Buffer, key: KeyObject, signature: Buffer): boolean {
  try {
    return verify(hash, data, key, signature);
  } catch {
    return false;
  }
}

function findSignerCertificate(certificates: Uint8Array[], sid: DerNode): Uint8Array | undefined {
  if (sid.tag === 0x30) {
    // IssuerAndSerialNumber
    const issuer = Buffer.from(bytesOf(child(sid, 0)));
    const serial = Buffer.from(contentOf(child(sid, 1)));
    return certificates.find((der) => {
      const fields = certificateFields(der);
      return issuer.equals(Buffer.from(fields.issuer)) && serial.equals(Buffer.from(fields.serialContent));
    });
  }
  if (sid.tag === 0x80) {
    // [0] SubjectKeyIdentifier
    const ski = Buffer.from(contentOf(sid));
    return certificates.find((der) => {
      const own = subjectKeyIdentifier(der);
      return own !== undefined && ski.equals(Buffer.from(own));
    });
  }
  return undefined;
}

/** certHash of the first ESSCertIDv2 in signing-certificate-v2 (RFC 5035). */
function signingCertificateV2Hash(value: DerNode): { hash: string; value: Buffer } | undefined {
  try {
    const first = child(child(value, 0), 0);
    const items = children(first);
    let hash = 'sha256';
    let index = 0;
    if (items[0]!.tag === 0x30) {
      hash = DIGESTS[oidOf(child(items[0]!, 0))] ?? '';
      index = 1;
    }
    const certHash = items[index];
    if (!hash || !certHash || certHash.tag !== 0x04) return undefined;
    return { hash, value: Buffer.from(contentOf(certHash)) };
  } catch {
    return undefined;
  }
}
