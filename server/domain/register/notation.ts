import type { CopyKind, DocumentType } from '../document/document-types.ts';
import { CODE_NOTATION_MAX, isValidCodeNotation } from './numbering.ts';

/**
 * Notation patterns set per register (domain.md §6.1): groups joined by `-`, each a placeholder or
 * a fixed upper-case abbreviation, optionally after `{year}/` (the normative form `2019/QĐ-UBND`).
 *   {type}   the type abbreviation as in §5.1 (QĐ, TTr, QyĐ)
 *   {agency} the issuing agency's abbreviation (UBND, STC)
 *   {unit}   the drafting unit's or subject area's abbreviation (VP, VX)
 *   {copy}   the copy kind (SY, TrS, SL)
 *   {year}   the year of the number, only before the `/`
 */
export const PLACEHOLDERS = ['type', 'agency', 'unit', 'copy'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export type PatternGroup = { readonly placeholder: Placeholder } | { readonly literal: string };

export interface NotationPattern {
  readonly source: string;
  readonly yearPrefix: boolean;
  readonly groups: readonly PatternGroup[];
}

/** Decree 30's fixed form for a công văn (and thư công): issuer + drafting unit or subject area. */
export const OFFICIAL_LETTER_PATTERN = '{agency}-{unit}';

export const DEFAULT_PATTERNS = {
  outgoing: '{type}-{agency}',
  copy: '{copy}',
  normative: '{year}/{type}-{agency}',
} as const;

/** Thrown when a pattern or the abbreviations fed to it cannot give a valid notation. */
export class NotationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotationError';
  }
}

const UPPER_GROUP = /^[\p{Lu}\p{N}]+$/u;

export function parsePattern(source: string): NotationPattern {
  const text = source.trim().normalize('NFC');
  const yearPrefix = text.startsWith('{year}/');
  const body = yearPrefix ? text.slice('{year}/'.length) : text;
  if (body === '' || /\s/.test(body)) throw new NotationError(`Mẫu ký hiệu "${source}" không hợp lệ: cần các nhóm nối bằng dấu "-", không có khoảng trắng.`);
  const groups: PatternGroup[] = body.split('-').map((part) => {
    const m = /^\{(\w+)\}$/.exec(part);
    if (m) {
      const name = m[1] as Placeholder;
      if (!(PLACEHOLDERS as readonly string[]).includes(name)) throw new NotationError(`Mẫu ký hiệu "${source}" có trường không hỗ trợ: {${m[1]}}.`);
      return { placeholder: name };
    }
    if (!UPPER_GROUP.test(part)) throw new NotationError(`Mẫu ký hiệu "${source}" không hợp lệ: nhóm cố định "${part}" phải là chữ in hoa hoặc chữ số.`);
    return { literal: part };
  });
  const names = groups.flatMap((g) => ('placeholder' in g ? [g.placeholder] : []));
  if (new Set(names).size !== names.length) throw new NotationError(`Mẫu ký hiệu "${source}" lặp lại một trường.`);
  if (names.includes('copy') && names.includes('type')) throw new NotationError(`Mẫu ký hiệu "${source}" không được có cả {type} và {copy}.`);
  return { source: text, yearPrefix, groups };
}

export function usesPlaceholder(pattern: NotationPattern, name: Placeholder): boolean {
  return pattern.groups.some((g) => 'placeholder' in g && g.placeholder === name);
}

export interface NotationParts {
  /** Absent for copies. */
  readonly type?: DocumentType;
  readonly copyKind?: CopyKind;
  readonly agency?: string | null;
  readonly unit?: string | null;
  readonly year?: number;
}

const FIELD_LABEL: Record<Placeholder, string> = {
  type: 'chữ viết tắt tên loại văn bản',
  agency: 'chữ viết tắt tên cơ quan',
  unit: 'chữ viết tắt của đơn vị soạn thảo hoặc lĩnh vực',
  copy: 'hình thức sao',
};

/**
 * The notation of a document under a register's pattern. A type without an abbreviation (công
 * văn, thư công) takes Decree 30's fixed form `{agency}-{unit}` whenever the pattern asks for a
 * type: there is no "CV".
 */
export function formatNotation(patternSource: string, parts: NotationParts): string {
  let pattern = parsePattern(patternSource);
  if (usesPlaceholder(pattern, 'type') && parts.type && parts.type.abbreviation === null) {
    pattern = { ...parsePattern(OFFICIAL_LETTER_PATTERN), yearPrefix: pattern.yearPrefix };
  }
  const groups = pattern.groups.map((g) => {
    if ('literal' in g) return g.literal;
    const value = valueOf(g.placeholder, parts);
    if (!value) throw new NotationError(`Chưa có ${FIELD_LABEL[g.placeholder]} để lập ký hiệu văn bản.`);
    if ((g.placeholder === 'agency' || g.placeholder === 'unit') && !UPPER_GROUP.test(value)) {
      throw new NotationError(`Chữ viết tắt "${value}" phải viết in hoa, không dấu cách.`);
    }
    return value;
  });
  if (pattern.yearPrefix && parts.year === undefined) throw new NotationError('Chưa có năm để lập ký hiệu văn bản quy phạm pháp luật.');
  const notation = (pattern.yearPrefix ? `${parts.year}/` : '') + groups.join('-');
  if (!isValidCodeNotation(notation)) {
    throw new NotationError(`Ký hiệu "${notation}" không hợp lệ (tối đa ${CODE_NOTATION_MAX} ký tự, gồm chữ và số nối bằng dấu "-").`);
  }
  return notation;
}

function valueOf(name: Placeholder, parts: NotationParts): string | null | undefined {
  switch (name) {
    case 'type': return parts.type?.abbreviation;
    case 'agency': return parts.agency?.trim().normalize('NFC');
    case 'unit': return parts.unit?.trim().normalize('NFC');
    case 'copy': return parts.copyKind;
  }
}

/**
 * Could two patterns ever print the same notation? Two registers of one agency that share a type
 * and whose patterns may collide are a configuration error (§6.2.2). Placeholders are assumed to
 * be able to take any value, literals only themselves.
 */
export function patternsMayCollide(a: string, b: string): boolean {
  const pa = parsePattern(a);
  const pb = parsePattern(b);
  if (pa.yearPrefix !== pb.yearPrefix || pa.groups.length !== pb.groups.length) return false;
  return pa.groups.every((g, i) => {
    const h = pb.groups[i]!;
    if ('literal' in g && 'literal' in h) return g.literal === h.literal;
    return true;
  });
}
