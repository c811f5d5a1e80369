/**
 * Outcome of validating one PDF signature and the whole document (domain.md §10.3).
 * Pure types and rules: no crypto, no I/O.
 */
export const SIGNATURE_STATUSES = ['VALID', 'INVALID', 'INDETERMINATE'] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];

/**
 * Why a signature is not VALID. Each reason maps to exactly one status (REASON_STATUS), so the
 * mapping is decided here once and can be revised in one place [LT].
 */
export const SIGNATURE_REASONS = [
  'MODIFIED_AFTER_SIGNING',
  'DIGEST_MISMATCH',
  'SIGNATURE_INVALID',
  'SIGNING_CERTIFICATE_MISMATCH',
  'MALFORMED_SIGNATURE',
  'REVOKED',
  'EXPIRED',
  'NOT_YET_VALID',
  'CHAIN_UNTRUSTED',
  'NO_REVOCATION_DATA',
  'REVOKED_AFTER_SIGNING',
  'UNSUPPORTED_ALGORITHM',
  'NOT_SIGNED',
] as const;
export type SignatureReason = (typeof SIGNATURE_REASONS)[number];

/**
 * INVALID: the signature is proven bad (bytes changed, key revoked before the claimed time).
 * INDETERMINATE: it cannot be proven good with what we have (no CRL, unknown CA, revoked later
 * without a timestamp proving the signature existed before) — ETSI EN 319 102-1 §5.1.3 uses
 * INDETERMINATE for the same cases. Missing revocation data is never VALID (domain.md §10.3).
 */
export const REASON_STATUS: Record<SignatureReason, Exclude<SignatureStatus, 'VALID'>> = {
  MODIFIED_AFTER_SIGNING: 'INVALID',
  DIGEST_MISMATCH: 'INVALID',
  SIGNATURE_INVALID: 'INVALID',
  SIGNING_CERTIFICATE_MISMATCH: 'INVALID',
  MALFORMED_SIGNATURE: 'INVALID',
  REVOKED: 'INVALID',
  EXPIRED: 'INVALID',
  NOT_YET_VALID: 'INVALID',
  CHAIN_UNTRUSTED: 'INDETERMINATE',
  NO_REVOCATION_DATA: 'INDETERMINATE',
  REVOKED_AFTER_SIGNING: 'INDETERMINATE',
  UNSUPPORTED_ALGORITHM: 'INDETERMINATE',
  NOT_SIGNED: 'INDETERMINATE',
};

/** Vietnamese explanation shown in the validation panel, one per reason. */
export const REASON_LABELS: Record<SignatureReason, string> = {
  MODIFIED_AFTER_SIGNING: 'Tài liệu đã bị thay đổi sau khi ký',
  DIGEST_MISMATCH: 'Giá trị băm của tài liệu không khớp với chữ ký',
  SIGNATURE_INVALID: 'Chữ ký số không đúng',
  SIGNING_CERTIFICATE_MISMATCH: 'Chứng thư số trong chữ ký không khớp với chứng thư đã ký',
  MALFORMED_SIGNATURE: 'Cấu trúc chữ ký không hợp lệ',
  REVOKED: 'Chứng thư số đã bị thu hồi trước thời điểm ký',
  EXPIRED: 'Chứng thư số đã hết hạn tại thời điểm ký',
  NOT_YET_VALID: 'Chứng thư số chưa có hiệu lực tại thời điểm ký',
  CHAIN_UNTRUSTED: 'Chứng thư số không do tổ chức cung cấp dịch vụ chứng thực được tin cậy cấp',
  NO_REVOCATION_DATA: 'Không có thông tin thu hồi (CRL) để kiểm tra chứng thư số',
  REVOKED_AFTER_SIGNING: 'Chứng thư số đã bị thu hồi sau thời điểm ký; không có dấu thời gian chứng minh thời điểm ký',
  UNSUPPORTED_ALGORITHM: 'Thuật toán chữ ký không được hỗ trợ',
  NOT_SIGNED: 'Tài liệu không có chữ ký số',
};

export const STATUS_LABELS: Record<SignatureStatus, string> = {
  VALID: 'Hợp lệ',
  INVALID: 'Không hợp lệ',
  INDETERMINATE: 'Chưa xác định',
};

export interface SignerSummary {
  commonName: string;
  organisation: string | undefined;
  /** Certificate serial number, hex, lower case. */
  serialNumber: string;
  issuer: string;
  subject: string;
}

export interface SignatureValidation {
  /** 1-based, in signing order. */
  index: number;
  fieldName: string | undefined;
  status: SignatureStatus;
  /** Every problem found, worst first; empty when VALID. */
  reasons: SignatureReason[];
  signer: SignerSummary | undefined;
  /** Claimed signing time (/M of the signature dictionary), ISO 8601. */
  signingTime: string | undefined;
  subFilter: string | undefined;
  /** True when the signed byte range ends at the end of the file. */
  coversWholeDocument: boolean;
}

export interface DocumentValidation {
  status: SignatureStatus;
  reasons: SignatureReason[];
  signatures: SignatureValidation[];
}

/** Status of one signature from its reasons: the worst reason wins. */
export function statusFromReasons(reasons: readonly SignatureReason[]): SignatureStatus {
  if (reasons.length === 0) return 'VALID';
  return reasons.some((r) => REASON_STATUS[r] === 'INVALID') ? 'INVALID' : 'INDETERMINATE';
}

/** Worst first: INVALID reasons before INDETERMINATE ones, keeping their order otherwise. */
export function sortReasons(reasons: readonly SignatureReason[]): SignatureReason[] {
  const unique = [...new Set(reasons)];
  return [
    ...unique.filter((r) => REASON_STATUS[r] === 'INVALID'),
    ...unique.filter((r) => REASON_STATUS[r] !== 'INVALID'),
  ];
}

/** The document is VALID only when it carries signatures and every one is VALID. */
export function summariseDocument(signatures: SignatureValidation[]): DocumentValidation {
  if (signatures.length === 0) return { status: 'INDETERMINATE', reasons: ['NOT_SIGNED'], signatures };
  const reasons = sortReasons(signatures.flatMap((s) => s.reasons));
  return { status: statusFromReasons(reasons), reasons, signatures };
}
