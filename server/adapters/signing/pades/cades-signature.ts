import { createHash } from 'node:crypto';
import type { DigestSignature } from '../../../app/ports/signer.ts';
import { certificateFields } from '../der-reader.ts';
import {
  concat,
  contextConstructed,
  derNull,
  integerBytes,
  octetString,
  oid,
  OIDS,
  sequence,
  setOf,
  smallInteger,
  tlv,
} from './der.ts';

/**
 * CAdES detached signature for PAdES (ETSI EN 319 122-1 baseline B, as PAdES uses it):
 * signed attributes content-type, message-digest and signing-certificate-v2; no signing-time
 * attribute, since PAdES carries the claimed time in the signature dictionary's /M.
 */
export interface CadesRequest {
  /** SHA-256 of the PDF byte ranges. */
  contentDigest: Uint8Array;
  /** DER certificates, the signer's first. */
  certificateChain: Uint8Array[];
  /** Signs SHA-256(signed attributes); this is where the Signer port is called. */
  signDigest: (digest: Uint8Array) => Promise<DigestSignature>;
}

const sha256 = (bytes: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(bytes).digest());

function attribute(type: string, value: Uint8Array): Uint8Array {
  return sequence(oid(type), setOf(value));
}

/** SigningCertificateV2 { certs: [ESSCertIDv2 { certHash, issuerSerial }] }, hashAlgorithm defaulting to SHA-256. */
function signingCertificateV2(certDer: Uint8Array): Uint8Array {
  const cert = certificateFields(certDer);
  const generalNames = sequence(tlv(0xa4, cert.issuer)); // directoryName [4] EXPLICIT Name
  const issuerSerial = sequence(generalNames, integerBytes(cert.serialContent));
  const essCertIdV2 = sequence(octetString(sha256(certDer)), issuerSerial);
  return sequence(sequence(essCertIdV2));
}

export function buildSignedAttributes(contentDigest: Uint8Array, signerCertDer: Uint8Array): Uint8Array {
  return setOf(
    attribute(OIDS.contentType, oid(OIDS.data)),
    attribute(OIDS.messageDigest, octetString(contentDigest)),
    attribute(OIDS.signingCertificateV2, signingCertificateV2(signerCertDer)),
  );
}

export async function buildCadesSignature(request: CadesRequest): Promise<Uint8Array> {
  const signerCertDer = request.certificateChain[0];
  if (!signerCertDer) throw new Error('CAdES: the certificate chain is empty');
  const cert = certificateFields(signerCertDer);
  const signedAttrs = buildSignedAttributes(request.contentDigest, signerCertDer);
  const signed = await request.signDigest(sha256(signedAttrs));
  if (signed.algorithm !== 'RSASSA-PKCS1-v1_5') throw new Error(`CAdES: unsupported signature algorithm ${signed.algorithm}`);

  const sha256Alg = sequence(oid(OIDS.sha256));
  const issuerAndSerial = sequence(cert.issuer, integerBytes(cert.serialContent));
  const signerInfo = sequence(
    smallInteger(1),
    issuerAndSerial,
    sha256Alg,
    // [0] IMPLICIT SET OF Attribute: the signed bytes with the SET tag swapped for [0].
    concat([new Uint8Array([0xa0]), signedAttrs.subarray(1)]),
    sequence(oid(OIDS.rsaEncryption), derNull()),
    octetString(signed.signature),
  );
  const signedData = sequence(
    smallInteger(1),
    setOf(sha256Alg),
    sequence(oid(OIDS.data)),
    contextConstructed(0, concat(request.certificateChain)),
    setOf(signerInfo),
  );
  return sequence(oid(OIDS.signedData), contextConstructed(0, signedData));
}
