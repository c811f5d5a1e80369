import type { SignatureReason, SignatureStatus } from '../../domain/signature/validation-result.ts';
import type { SigningIdentity } from './signer.ts';

/**
 * What the signing administration use cases need from the signing adapter: open a PKCS#12 and
 * encrypt its key at once, read certificates and CRLs that operators upload, and tell whether a
 * stored certificate is usable now. Key material never leaves the adapter in clear.
 */
export interface CertificateInfo {
  subject: string;
  commonName: string;
  organisation: string | undefined;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 of the DER, hex with colons (as browsers show it). */
  fingerprint: string;
  isCa: boolean;
}

export interface SealedKey {
  /** Base64 DER certificates, the key's own first. */
  certificateChain: string[];
  /** The private key encrypted under the KEK, bound to the identity; opaque to the app. */
  encryptedKey: Record<string, unknown>;
  /** The associated data it was encrypted under, stored with it so a later code change keeps it usable. */
  keyAad: string;
  certificate: CertificateInfo;
}

export interface CrlInfo {
  issuer: string;
  thisUpdate: Date;
  nextUpdate: Date | undefined;
  revokedCount: number;
}

export interface CertificateCheck {
  status: SignatureStatus;
  reasons: SignatureReason[];
}

export interface SigningVault {
  /** Throws AppError VALIDATION_FAILED naming what is wrong (not PKCS#12, wrong password, no key). */
  sealPkcs12(file: Uint8Array, password: string, identity: SigningIdentity): SealedKey;
  /** One certificate, PEM or DER; throws AppError VALIDATION_FAILED otherwise. */
  describeCertificate(bytes: Uint8Array): { der: Uint8Array; info: CertificateInfo };
  /** One CRL, PEM or DER; throws AppError VALIDATION_FAILED otherwise. */
  describeCrl(bytes: Uint8Array): { der: Uint8Array; info: CrlInfo };
  /** Chain to a configured anchor, validity and revocation of a stored certificate at `at`. */
  checkCertificate(certificateChain: string[], at: Date): Promise<CertificateCheck>;
  /**
   * The built-in test CA's root certificate (PEM) or its current CRL (DER, re-issued when a day
   * old), for relying parties; undefined when there is no test CA (production, or before first use).
   */
  testCaFile(name: 'root.crt' | 'root.crl'): Promise<Uint8Array | undefined>;
  /** Forget decrypted keys and cached trust after keys, anchors or CRLs change. */
  forget(): void;
}
