/**
 * Signer port: signs a digest that the caller computed, with a key it never hands out.
 *
 * A digest (not the document) crosses this boundary so that every kind of key fits the same
 * shape: a PKCS#12 file kept encrypted on the server, a USB token driven through PKCS#11, or a
 * remote signing service that pushes the hash to the signer's phone and waits for approval
 * (VNPT SmartCA, Viettel MySign). PAdES/CAdES assembly stays on our side; the provider only
 * returns raw signature bytes and the certificate chain.
 */

/** Whose key: a competent signer's personal key, or the agency's organisation key (the seal). */
export type SigningIdentity =
  | { kind: 'personal'; agencyCode: string; username: string }
  | { kind: 'organisation'; agencyCode: string };

export type DigestAlgorithm = 'SHA-256';

/** RSA PKCS#1 v1.5 is what the Vietnamese CAs issue; other algorithms can be added here. */
export type SignatureAlgorithm = 'RSASSA-PKCS1-v1_5';

export interface DigestSignature {
  signature: Uint8Array;
  algorithm: SignatureAlgorithm;
}

export interface SignDigestRequest {
  identity: SigningIdentity;
  digest: Uint8Array;
  digestAlgorithm: DigestAlgorithm;
  /** Shown to the signer by remote providers ("Ký văn bản số 125/SXD-VP"); never contains key data. */
  description?: string;
}

export interface Signer {
  /** Provider name as configured in SIGNER_PROVIDER. */
  readonly provider: string;
  /** DER certificates, the signer's own first, then its issuers (the root may be left out). */
  getCertificateChain(identity: SigningIdentity): Promise<Uint8Array[]>;
  /** May be called any number of times: a key signs many documents in a row. */
  signDigest(request: SignDigestRequest): Promise<DigestSignature>;
}

export function describeIdentity(identity: SigningIdentity): string {
  return identity.kind === 'personal'
    ? `personal:${identity.agencyCode}:${identity.username}`
    : `organisation:${identity.agencyCode}`;
}
