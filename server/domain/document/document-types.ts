/**
 * Administrative document types of Decree 30 Art. 7 (domain.md §5.1). `number` is the position in
 * Art. 7, emitted as EDXML `DocumentType/Type`; `abbreviation` goes into the notation exactly as
 * written (TTr, QyĐ keep their lower case); công văn and thư công have none.
 */
export interface DocumentType {
  readonly number: number;
  /** Stable English code used in data (registers, deadlines per type). */
  readonly code: string;
  readonly name: string;
  readonly abbreviation: string | null;
}

export const DOCUMENT_TYPES = [
  { number: 1, code: 'resolution', name: 'Nghị quyết', abbreviation: 'NQ' },
  { number: 2, code: 'decision', name: 'Quyết định', abbreviation: 'QĐ' },
  { number: 3, code: 'directive', name: 'Chỉ thị', abbreviation: 'CT' },
  { number: 4, code: 'regulation', name: 'Quy chế', abbreviation: 'QC' },
  { number: 5, code: 'rules', name: 'Quy định', abbreviation: 'QyĐ' },
  { number: 6, code: 'communique', name: 'Thông cáo', abbreviation: 'TC' },
  { number: 7, code: 'notice', name: 'Thông báo', abbreviation: 'TB' },
  { number: 8, code: 'guidance', name: 'Hướng dẫn', abbreviation: 'HD' },
  { number: 9, code: 'programme', name: 'Chương trình', abbreviation: 'CTr' },
  { number: 10, code: 'plan', name: 'Kế hoạch', abbreviation: 'KH' },
  { number: 11, code: 'course_of_action', name: 'Phương án', abbreviation: 'PA' },
  { number: 12, code: 'scheme', name: 'Đề án', abbreviation: 'ĐA' },
  { number: 13, code: 'project', name: 'Dự án', abbreviation: 'DA' },
  { number: 14, code: 'report', name: 'Báo cáo', abbreviation: 'BC' },
  { number: 15, code: 'minutes', name: 'Biên bản', abbreviation: 'BB' },
  { number: 16, code: 'submission', name: 'Tờ trình', abbreviation: 'TTr' },
  { number: 17, code: 'contract', name: 'Hợp đồng', abbreviation: 'HĐ' },
  { number: 18, code: 'official_letter', name: 'Công văn', abbreviation: null },
  { number: 19, code: 'dispatch', name: 'Công điện', abbreviation: 'CĐ' },
  { number: 20, code: 'memorandum', name: 'Bản ghi nhớ', abbreviation: 'BGN' },
  { number: 21, code: 'agreement', name: 'Bản thỏa thuận', abbreviation: 'BTT' },
  { number: 22, code: 'authorisation', name: 'Giấy ủy quyền', abbreviation: 'GUQ' },
  { number: 23, code: 'invitation', name: 'Giấy mời', abbreviation: 'GM' },
  { number: 24, code: 'introduction', name: 'Giấy giới thiệu', abbreviation: 'GGT' },
  { number: 25, code: 'leave_permit', name: 'Giấy nghỉ phép', abbreviation: 'GNP' },
  { number: 26, code: 'transmittal_slip', name: 'Phiếu gửi', abbreviation: 'PG' },
  { number: 27, code: 'forwarding_slip', name: 'Phiếu chuyển', abbreviation: 'PC' },
  { number: 28, code: 'notification_slip', name: 'Phiếu báo', abbreviation: 'PB' },
  { number: 29, code: 'formal_letter', name: 'Thư công', abbreviation: null },
] as const satisfies readonly DocumentType[];

export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]['code'];

/** Copies (bản sao) share one series for all kinds (domain.md §6.2.3). */
export const COPY_KINDS = [
  { code: 'SY', name: 'Bản sao y' },
  { code: 'TrS', name: 'Bản trích sao' },
  { code: 'SL', name: 'Bản sao lục' },
] as const;

export type CopyKind = (typeof COPY_KINDS)[number]['code'];

const BY_CODE = new Map<string, DocumentType>(DOCUMENT_TYPES.map((t) => [t.code, t]));
const BY_NUMBER = new Map<number, DocumentType>(DOCUMENT_TYPES.map((t) => [t.number, t]));

export function documentTypeByCode(code: string): DocumentType | undefined {
  return BY_CODE.get(code);
}

export function documentTypeByNumber(n: number): DocumentType | undefined {
  return BY_NUMBER.get(n);
}

export function isDocumentTypeCode(code: string): code is DocumentTypeCode {
  return BY_CODE.has(code);
}

export function isCopyKind(code: string): code is CopyKind {
  return COPY_KINDS.some((k) => k.code === code);
}

/**
 * A type without an abbreviation (công văn, thư công) is notated issuer + unit or subject area
 * instead of type + issuer (domain.md §6.1).
 */
export function hasTypeAbbreviation(type: DocumentType): boolean {
  return type.abbreviation !== null;
}
