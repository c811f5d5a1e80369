/**
 * Vietnam time (Asia/Ho_Chi_Minh): UTC+07:00 all year, no daylight saving (domain.md §0). A fixed
 * offset is exact here, so no time-zone database is needed. Local dates are `YYYY-MM-DD` strings.
 */
export const VIETNAM_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VIETNAM_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The wall-clock fields of an instant in Vietnam, as a UTC-based Date (read with getUTC*). */
function shifted(instant: Date): Date {
  return new Date(instant.getTime() + OFFSET_MS);
}

export function isLocalDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function assertLocalDate(value: string): void {
  if (!isLocalDate(value)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${value}`);
}

/** The local calendar date of an instant. */
export function localDateOf(instant: Date): string {
  return shifted(instant).toISOString().slice(0, 10);
}

/** The local year of an instant: 23:59 on 31 December local is still the old year. */
export function localYearOf(instant: Date): number {
  return shifted(instant).getUTCFullYear();
}

/** Minutes since local midnight. */
export function localMinuteOfDay(instant: Date): number {
  const s = shifted(instant);
  return s.getUTCHours() * 60 + s.getUTCMinutes() + s.getUTCSeconds() / 60 + s.getUTCMilliseconds() / 60_000;
}

/** The instant at a local wall-clock time ("HH:MM") on a local date. */
export function localInstant(date: string, time = '00:00'): Date {
  assertLocalDate(date);
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new RangeError(`not a time (HH:MM): ${time}`);
  return new Date(Date.parse(`${date}T00:00:00Z`) + (Number(m[1]) * 60 + Number(m[2])) * 60_000 - OFFSET_MS);
}

export function startOfLocalDay(date: string): Date {
  return localInstant(date, '00:00');
}

/** "End of day" is 23:59:59.999 local (domain.md §2). */
export function endOfLocalDay(date: string): Date {
  return new Date(startOfLocalDay(date).getTime() + DAY_MS - 1);
}

export function addDays(date: string, days: number): string {
  assertLocalDate(date);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  assertLocalDate(date);
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}
