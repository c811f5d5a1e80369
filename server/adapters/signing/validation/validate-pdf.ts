import { PDFDocument } from 'pdf-lib';
import {
  sortReasons,
  statusFromReasons,
  summariseDocument,
  type DocumentValidation,
  type SignatureReason,
  type SignatureValidation,
} from '../../../domain/signature/validation-result.ts';
import { certificateSummary } from '../pades/certificate-summary.ts';
import { buildChain } from './chain.ts';
import { checkCms } from './cms-check.ts';
import { changeAfterRevision } from './modification.ts';
import { findSignatures, type FoundSignature } from './pdf-signatures.ts';
import { checkRevocation, parseCrls } from './revocation.ts';
import type { TrustMaterial } from './trust-material.ts';
import type { CrlSource } from './crl-fetcher.ts';

export interface ValidateOptions {
  /** Validation time; defaults to now. */
  now?: Date;
  /** Fetches CRLs named by certificates when the trust material has none for them. */
  crlSource?: CrlSource;
}

/**
 * Validates every signature of a PDF (domain.md §10.3): byte-range digest, CMS signature,
 * signing-certificate binding, chain to a configured anchor, validity and revocation at the
 * claimed signing time, and changes made after each signature. Never throws for a bad file:
 * an unreadable PDF is INDETERMINATE with MALFORMED_SIGNATURE or NOT_SIGNED.
 */
export async function validatePdf(pdf: Uint8Array, trust: TrustMaterial, options: ValidateOptions = {}): Promise<DocumentValidation> {
  const now = options.now ?? new Date();
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  } catch {
    return summariseDocument([]);
  }
  const found = await findSignatures(pdf, doc);
  const crls = parseCrls(trust.crls);
  const results: SignatureValidation[] = [];
  for (const [i, signature] of found.entries()) {
    results.push(await validateOne(pdf, doc, signature, i + 1, trust, crls, now, options.crlSource));
  }
  return summariseDocument(results);
}

async function validateOne(
  pdf: Uint8Array,
  doc: PDFDocument,
  signature: FoundSignature,
  index: number,
  trust: TrustMaterial,
  crls: ReturnType<typeof parseCrls>,
  now: Date,
  crlSource: CrlSource | undefined,
): Promise<SignatureValidation> {
  const reasons: SignatureReason[] = [];
  const signingTime = signature.signingTime ?? now;
  let signer: SignatureValidation['signer'];

  if (signature.byteRangeProblem || !signature.cms) {
    reasons.push('MODIFIED_AFTER_SIGNING');
  } else {
    const cms = checkCms(pdf, signature.byteRange, signature.cms);
    // A digest mismatch means the signed bytes changed: the user-facing reason is the change.
    if (cms.reasons.includes('DIGEST_MISMATCH')) reasons.push('MODIFIED_AFTER_SIGNING');
    reasons.push(...cms.reasons);
    if (cms.signerCertificate) {
      signer = certificateSummary(cms.signerCertificate);
      const chain = buildChain(cms.signerCertificate, [...cms.certificates, ...trust.intermediates], trust.anchors, signingTime);
      reasons.push(...chain.reasons);
      if (chain.trusted) {
        // Anchors are trusted as configured; every certificate below one needs revocation data.
        for (let i = 0; i < chain.path.length - 1; i++) {
          const [cert, issuer] = [chain.path[i]!, chain.path[i + 1]!];
          let status = checkRevocation(cert, issuer, crls, signingTime, now);
          if (status.includes('NO_REVOCATION_DATA') && crlSource) {
            const fetched = parseCrls(await crlSource.crlsFor(cert));
            status = checkRevocation(cert, issuer, fetched, signingTime, now);
          }
          reasons.push(...status);
        }
      }
    }
    if (signingTime.getTime() > now.getTime() + 5 * 60_000) reasons.push('MALFORMED_SIGNATURE');
  }
  const change = await changeAfterRevision(pdf, signature.revisionEnd, doc);
  if (change) reasons.push('MODIFIED_AFTER_SIGNING');

  const sorted = sortReasons(reasons);
  return {
    index,
    fieldName: signature.fieldName,
    status: statusFromReasons(sorted),
    reasons: sorted,
    signer,
    signingTime: signature.signingTime?.toISOString(),
    subFilter: signature.subFilter,
    coversWholeDocument: signature.revisionEnd === pdf.length,
  };
}
