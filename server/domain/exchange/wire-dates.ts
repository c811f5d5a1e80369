/**
 * Wire dates (exchange.md §1, §2.11): `yyyy/MM/dd` and `yyyy/MM/dd HH:mm:ss`, Vietnam time (UTC+07:00).
 * Readers also take `yyyy-MM-dd` (timestamps also with `T`); anything else is not a date.
 */

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Normalises a received date to `yyyy/MM/dd`, or `null` if it is not a real date in an accepted form. */
export function normalizeWireDate(raw: string): string | null {
  const m = /^(\d{4})([/-])(\d{2})\2(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
  return isRealDate(y, mo, d) ? `${m[1]}/${m[3]}/${m[4]}` : null;
}

/** Normalises a received timestamp to `yyyy/MM/dd HH:mm:ss`, or `null`. */
export function normalizeWireTimestamp(raw: string): string | null {
  const m = /^(\d{4})([/-])(\d{2})\2(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 3, 4, 5, 6, 7].map((i) => Number(m[i]));
  if (!isRealDate(y!, mo!, d!) || h! > 23 || mi! > 59 || s! > 59) return null;
  return `${m[1]}/${m[3]}/${m[4]} ${m[5]}:${m[6]}:${m[7]}`;
}

/** Formats an instant as a wire date in Vietnam time. */
export function formatWireDate(at: Date): string {
  const v = new Date(at.getTime() + VN_OFFSET_MS);
  return `${v.getUTCFullYear()}/${pad(v.getUTCMonth() + 1)}/${pad(v.getUTCDate())}`;
}

/** Formats an instant as a wire timestamp in Vietnam time. */
export function formatWireTimestamp(at: Date): string {
  const v = new Date(at.getTime() + VN_OFFSET_MS);
  return `${formatWireDate(at)} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
}

/** Reads a wire timestamp (Vietnam time) as an instant, or `null`. */
export function wireTimestampToDate(raw: string): Date | null {
  const n = normalizeWireTimestamp(raw);
  if (!n) return null;
  return new Date(`${n.slice(0, 10).replaceAll('/', '-')}T${n.slice(11)}+07:00`);
}
