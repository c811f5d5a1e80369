import { parseOrganId, type OrganIdParse } from '../../domain/exchange/organ-id.ts';
import type { AgencyLevel } from '../ports/agencies.ts';

/**
 * Pure rules of the agency directory, shared by the single-agency use cases and the CSV import
 * so that a row of a file and a form on the screen are refused for the same reasons in the same words.
 */

export const AGENCY_LEVELS: readonly AgencyLevel[] = ['province', 'provincial_agency', 'district', 'district_office', 'commune'];

export const LEVEL_LABELS: Record<AgencyLevel, string> = {
  province: 'UBND cấp tỉnh',
  provincial_agency: 'Cơ quan cấp tỉnh',
  district: 'UBND cấp huyện',
  district_office: 'Văn phòng HĐND và UBND cấp huyện',
  commune: 'UBND cấp xã',
};

/** Accepts the stored code and the hyphenated form of shared/data/bac-lieu-agencies.csv. */
export function parseLevel(value: string): AgencyLevel | undefined {
  const v = value.trim().toLowerCase().replace(/-/g, '_');
  return (AGENCY_LEVELS as readonly string[]).includes(v) ? (v as AgencyLevel) : undefined;
}

/** The CSV spelling of a level (as in the province's data file). */
export function levelForCsv(level: AgencyLevel): string {
  return level.replace(/_/g, '-');
}

/** Folds Vietnamese to plain lower-case ASCII, as the SQL function lt_fold does. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Search words: folded, split on anything but letters and digits, at most 8. */
export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  return fold(query).split(/[^a-z0-9]+/).filter((w) => w.length > 0).slice(0, 8);
}

/**
 * A query that looks like (part of) an identifier code — letters and digits in dot-separated
 * groups, "000.00.02" or "02.h04" — searches codes (upper-cased), not names.
 */
export function codeQuery(query: string | undefined): string | undefined {
  const q = query?.trim() ?? '';
  return /^[0-9A-Za-z]*(\.[0-9A-Za-z]*)+$/.test(q) && /[0-9A-Za-z]/.test(q) ? q.toUpperCase() : undefined;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** A code problem in Vietnamese, or undefined when the code is a valid organ id. */
export function organIdProblem(code: string): string | undefined {
  const parsed = parseOrganId(code);
  return parsed.ok ? undefined : parsed.reason;
}

/**
 * A strict code names its parent's code (exchange.md §6.2 item 4). When the agency's parent has an
 * open code, the two must agree, or the tree and the codes would tell different stories.
 */
export function codeParentProblem(code: string, parent: { name: string; code: string | null } | null): string | undefined {
  const parsed: OrganIdParse = parseOrganId(code);
  if (!parsed.ok || parsed.form !== 'strict') return undefined;
  if (parsed.parent === null) {
    return parent ? `Mã ${code} là mã cấp 1 (cấp tỉnh, bộ), nhưng cơ quan có cơ quan cấp trên "${parent.name}"` : undefined;
  }
  if (!parent || parent.code === null) return undefined;
  if (parsed.parent !== parent.code) {
    return `Mã ${code} thuộc cơ quan cấp trên có mã ${parsed.parent}, nhưng cơ quan cấp trên "${parent.name}" có mã ${parent.code}`;
  }
  return undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ABBREVIATION = /^[0-9A-ZĐ&.-]{1,20}$/;

export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Today in Vietnam (UTC+07:00, no daylight saving): codes open and close on Vietnamese dates. */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export interface AgencyFieldInput {
  name?: string;
  shortName?: string;
  abbreviation?: string | null;
  contactEmail?: string | null;
  existedFrom?: string | null;
  existedTo?: string | null;
}

/** Checks the free-text fields that are present; absent fields are not checked (PATCH). */
export function agencyFieldProblems(input: AgencyFieldInput): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (input.name !== undefined) {
    if (input.name.trim() === '') out.push({ field: 'name', message: 'Tên cơ quan không được để trống' });
    else if (input.name.trim().length > 300) out.push({ field: 'name', message: 'Tên cơ quan dài quá 300 ký tự' });
  }
  if (input.shortName !== undefined) {
    if (input.shortName.trim() === '') out.push({ field: 'shortName', message: 'Tên viết gọn không được để trống' });
    else if (input.shortName.trim().length > 150) out.push({ field: 'shortName', message: 'Tên viết gọn dài quá 150 ký tự' });
  }
  if (input.abbreviation && !ABBREVIATION.test(input.abbreviation)) {
    out.push({ field: 'abbreviation', message: `Chữ viết tắt "${input.abbreviation}" chỉ gồm chữ in hoa, chữ số, "&", "-", "." (tối đa 20 ký tự, không dấu cách)` });
  }
  if (input.contactEmail && !EMAIL.test(input.contactEmail)) {
    out.push({ field: 'contactEmail', message: `Thư điện tử "${input.contactEmail}" không hợp lệ` });
  }
  for (const field of ['existedFrom', 'existedTo'] as const) {
    const v = input[field];
    if (v && !isDate(v)) out.push({ field, message: `Ngày "${v}" không hợp lệ (định dạng YYYY-MM-DD)` });
  }
  if (input.existedFrom && input.existedTo && isDate(input.existedFrom) && isDate(input.existedTo) && input.existedTo <= input.existedFrom) {
    out.push({ field: 'existedTo', message: 'Ngày kết thúc hoạt động phải sau ngày bắt đầu' });
  }
  return out;
}

/** Empty strings from forms and CSV cells mean "none". */
export function blankToNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const t = value.trim();
  return t === '' ? null : t;
}

export interface CodePeriod {
  agencyId: string;
  validFrom: string;
  validTo: string | null;
}

/** Another agency's period of the same code that is still running on `from` or later. */
export function overlappingUse<T extends CodePeriod>(uses: readonly T[], agencyId: string | null, from: string): T | undefined {
  return uses.find((u) => u.agencyId !== agencyId && (u.validTo === null || u.validTo > from));
}
