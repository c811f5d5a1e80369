/**
 * What the document workflows need from digital signatures (domain.md §10), without knowing where
 * keys live (PKCS#12 in the database or a CA folder, a token, a remote service) or how PAdES is
 * assembled. One instance serves every request: a key signs many documents in a row.
 *
 * Order on a main file (§10.1): placeStampFields (before the personal signature) → signPersonal →
 * fillStampFields (number and date, a form fill-in that keeps the personal signature valid) →
 * signOrganisation. Attachments in separate files get signAttachment (the text form).
 */
import type { SignerBox } from '../../domain/signature/signer-box.ts';
import type { DocumentValidation } from '../../domain/signature/validation-result.ts';

export interface PersonalSignatureInput {
  pdf: Uint8Array;
  agencyCode: string;
  username: string;
  /** Shown by remote providers on the signer's phone ("Ký văn bản: V/v …"); never key material. */
  description?: string;
  signingTime?: Date;
  /** 0-based page; default: the page holding the signature block (the last page). Ignored when `box` is given. */
  pageIndex?: number;
  /**
   * The signer's position on this document (box 7c): page and rectangle in PDF points. Default: the
   * standard box on the last page. A box off the page or of an odd size is refused (VALIDATION_FAILED,
   * field `signerBox`) before anything is signed.
   */
  box?: SignerBox | null;
}

export interface OrganisationSignatureInput {
  pdf: Uint8Array;
  agencyCode: string;
  signingTime?: Date;
  pageIndex?: number;
}

export interface AttachmentSignatureInput {
  pdf: Uint8Array;
  agencyCode: string;
  /** e.g. "125/SXD-VP": printed in the text form at the top right of the first page. */
  numberAndNotation: string;
  signingTime?: Date;
}

export interface StampValues {
  /** e.g. "Số: 15/QĐ-UBND" */
  number: string;
  /** e.g. "Bạc Liêu, ngày 05 tháng 01 năm 2026" */
  dateLine: string;
}

export interface DocumentSigning {
  /**
   * Empty read-only fields for number and date, placed before anyone signs. Idempotent. With
   * `signerBox`, the box is checked against this file's pages first (the same check as signPersonal),
   * so a bad position is refused before any change.
   */
  placeStampFields(pdf: Uint8Array, options?: { signerBox?: SignerBox | null }): Promise<Uint8Array>;
  signPersonal(input: PersonalSignatureInput): Promise<Uint8Array>;
  fillStampFields(pdf: Uint8Array, values: StampValues): Promise<Uint8Array>;
  signOrganisation(input: OrganisationSignatureInput): Promise<Uint8Array>;
  signAttachment(input: AttachmentSignatureInput): Promise<Uint8Array>;
  /** Per-signature results against the configured trust anchors and revocation sources. */
  validate(pdf: Uint8Array): Promise<DocumentValidation>;
  /** Enveloped XMLDSig (RSA-SHA256) with the agency's organisation key, for EDXML packages. */
  signPackageXml(xml: Buffer, agencyCode: string): Promise<Buffer>;
}
