import { localYearOf } from '../calendar/vietnam-time.ts';

/** Validation of what lienthong allocates (domain.md §6.1) [LT]. */
export const CODE_NUMBER_PATTERN = /^(0[1-9]|[1-9][0-9]+)$/;
/** Letter-and-digit groups joined by `-`, optionally after a normative `yyyy/`; no spaces. */
export const CODE_NOTATION_PATTERN = /^(?:\d{4}\/)?[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;
export const CODE_NOTATION_MAX = 30;

/** Register numbers are written with a leading zero below 10: 5 → "05", 125 → "125". */
export function formatNumber(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`a register number is a positive integer: ${n}`);
  return n < 10 ? `0${n}` : String(n);
}

/** Numeric value of a written number; comparison ignores leading zeros (§6.2.6). */
export function numberValue(codeNumber: string): number {
  if (!/^\d+$/.test(codeNumber)) throw new RangeError(`not a register number: ${codeNumber}`);
  return Number(codeNumber);
}

export function isValidCodeNumber(value: string): boolean {
  return CODE_NUMBER_PATTERN.test(value);
}

export function isValidCodeNotation(value: string): boolean {
  return value.length <= CODE_NOTATION_MAX && CODE_NOTATION_PATTERN.test(value.normalize('NFC'));
}

/** The printed line of box 3: `Số: 15/QĐ-UBND`; a copy without notation prints its number alone. */
export function numberLine(codeNumber: string, codeNotation: string): string {
  return codeNotation ? `Số: ${codeNumber}/${codeNotation}` : `Số: ${codeNumber}`;
}

/**
 * The year a number belongs to is the year of the allocation instant in Vietnam time: a number
 * taken at 23:59 on 31 December local stays in the old year even if UTC has moved on (§6.2.1).
 */
export function allocationYear(allocatedAt: Date): number {
  return localYearOf(allocatedAt);
}
