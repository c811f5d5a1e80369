/**
 * Identifier codes of organs (mã định danh), exchange.md §6.1–6.2.
 *
 * Strict form `V1V2V3.Z1Z2.Y1Y2.M1M2M3` (QCVN 102) is parsed into groups and a level; the general
 * form of Decision 20/2020 (dot-separated groups of digits and capitals, at most 35 characters) is
 * accepted as an opaque code without levels. Codes are data: nothing here names a real organ.
 */

export type OrganLevel = 1 | 2 | 3 | 4;

/** The four groups of a strict code, named by the standard's letters (read right to left). */
export interface OrganIdGroups {
  /** `M1M2M3`, level 1: a capital letter and two digits (`H99`). */
  readonly m: string;
  /** `Y1Y2`, level 2, `00` when absent. */
  readonly y: string;
  /** `Z1Z2`, level 3, `00` when absent. */
  readonly z: string;
  /** `V1V2V3`, level 4, `000` when absent. */
  readonly v: string;
}

export type OrganIdParse =
  | {
      readonly ok: true;
      readonly form: 'strict';
      readonly level: OrganLevel;
      readonly groups: OrganIdGroups;
      /** The code one level up, or `null` for a level-1 code. */
      readonly parent: string | null;
    }
  | { readonly ok: true; readonly form: 'general'; readonly level?: undefined; readonly groups?: undefined; readonly parent?: undefined }
  | { readonly ok: false; readonly reason: string };

export const ORGAN_ID_MAX_LENGTH = 35;

const STRICT = /^(\d{3})\.(\d{2})\.(\d{2})\.([A-Z]\d{2})$/;
const GENERAL = /^[0-9A-Z]+(?:\.[0-9A-Z]+)*$/;

function formatStrict(g: OrganIdGroups): string {
  return `${g.v}.${g.z}.${g.y}.${g.m}`;
}

/** Parses an identifier code exactly as given: no trimming, no case folding. */
export function parseOrganId(code: string): OrganIdParse {
  if (typeof code !== 'string' || code.length === 0) {
    return { ok: false, reason: 'Mã định danh trống' };
  }
  const strict = STRICT.exec(code);
  if (strict) {
    const groups: OrganIdGroups = { v: strict[1]!, z: strict[2]!, y: strict[3]!, m: strict[4]! };
    // Level = most specific non-zero group; parent = that group zeroed (skipped levels allowed, §6.2 item 4).
    if (groups.v !== '000') {
      return { ok: true, form: 'strict', level: 4, groups, parent: formatStrict({ ...groups, v: '000' }) };
    }
    if (groups.z !== '00') {
      return { ok: true, form: 'strict', level: 3, groups, parent: formatStrict({ ...groups, z: '00' }) };
    }
    if (groups.y !== '00') {
      return { ok: true, form: 'strict', level: 2, groups, parent: formatStrict({ ...groups, y: '00' }) };
    }
    return { ok: true, form: 'strict', level: 1, groups, parent: null };
  }
  if (code.length > ORGAN_ID_MAX_LENGTH) {
    return {
      ok: false,
      reason: `Mã định danh "${preview(code)}" dài ${code.length} ký tự, vượt quá ${ORGAN_ID_MAX_LENGTH} ký tự cho phép`,
    };
  }
  if (GENERAL.test(code)) {
    return { ok: true, form: 'general' };
  }
  return {
    ok: false,
    reason:
      `Mã định danh "${preview(code)}" không đúng định dạng: chỉ gồm các nhóm chữ số và chữ in hoa ` +
      'ngăn cách bằng dấu chấm (ví dụ 000.00.12.H99)',
  };
}

export function isValidOrganId(code: string): boolean {
  return parseOrganId(code).ok;
}

/** Parent of a strict code, `null` for level 1 and for codes in the general form. */
export function parentOrganId(code: string): string | null {
  const parsed = parseOrganId(code);
  return parsed.ok && parsed.form === 'strict' ? parsed.parent : null;
}

function preview(code: string): string {
  return code.length > 40 ? `${code.slice(0, 40)}…` : code;
}
