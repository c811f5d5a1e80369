import { addDays, dayOfWeek, isLocalDate, localDateOf, localInstant, localMinuteOfDay } from './vietnam-time.ts';

/**
 * The yearly calendar data the system operator keeps (domain.md §2): public holidays and days off,
 * and make-up working days (often a Saturday). Dates are local `YYYY-MM-DD`.
 */
export interface CalendarData {
  readonly holidays: readonly string[];
  readonly makeUpDays: readonly string[];
}

export interface WorkingCalendar {
  readonly holidays: ReadonlySet<string>;
  readonly makeUpDays: ReadonlySet<string>;
}

export function workingCalendar(data: CalendarData): WorkingCalendar {
  for (const d of [...data.holidays, ...data.makeUpDays]) {
    if (!isLocalDate(d)) throw new RangeError(`calendar: not a date (YYYY-MM-DD): ${d}`);
  }
  return { holidays: new Set(data.holidays), makeUpDays: new Set(data.makeUpDays) };
}

/** Both calendars' days off and make-up days (the operator's store beside a calendar given in code). */
export function combineCalendars(a: WorkingCalendar, b: WorkingCalendar): WorkingCalendar {
  return { holidays: new Set([...a.holidays, ...b.holidays]), makeUpDays: new Set([...a.makeUpDays, ...b.makeUpDays]) };
}

/** Monday to Friday minus holidays, plus make-up days. A make-up day wins over a holiday listing. */
export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  if (cal.makeUpDays.has(date)) return true;
  const dow = dayOfWeek(date);
  return dow >= 1 && dow <= 5 && !cal.holidays.has(date);
}

// Years of data hold at most a few weeks of consecutive days off; this bound only stops bad data looping.
const MAX_SCAN_DAYS = 366;

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: WorkingCalendar, date: string): string {
  let d = date;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    d = addDays(d, 1);
    if (isWorkingDay(cal, d)) return d;
  }
  throw new RangeError(`calendar: no working day within a year after ${date}`);
}

/** `date` itself when it is a working day, else the next one. */
export function workingDayOnOrAfter(cal: WorkingCalendar, date: string): string {
  return isWorkingDay(cal, date) ? date : nextWorkingDay(cal, date);
}

/** `days` working days after `date` (0 gives `date` itself). */
export function addWorkingDays(cal: WorkingCalendar, date: string, days: number): string {
  let d = date;
  for (let i = 0; i < days; i++) d = nextWorkingDay(cal, d);
  return d;
}

/** How many working days fall strictly after `from` and up to `to` included (0 when `to` ≤ `from`). */
export function workingDaysAfter(cal: WorkingCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = nextWorkingDay(cal, from); d <= to; d = nextWorkingDay(cal, d)) n++;
  return n;
}

/** Office hours as local "HH:MM" periods, in order. */
export type WorkingHours = readonly (readonly [string, string])[];

/**
 * [LT] Working minutes count only inside office hours on working days; the texts give no hours, so
 * this default (7:00–11:30, 13:30–17:00) is a setting, not law.
 */
export const DEFAULT_WORKING_HOURS: WorkingHours = [['07:00', '11:30'], ['13:30', '17:00']];

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The instant `minutes` working minutes after `from` ("immediately" = 60 by default, §2). */
export function addWorkingMinutes(cal: WorkingCalendar, from: Date, minutes: number, hours: WorkingHours = DEFAULT_WORKING_HOURS): Date {
  let remaining = minutes;
  let date = localDateOf(from);
  let minute = localMinuteOfDay(from);
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    if (isWorkingDay(cal, date)) {
      for (const [start, end] of hours) {
        const s = Math.max(minutesOf(start), minute);
        const e = minutesOf(end);
        if (s >= e) continue;
        if (s + remaining <= e) return new Date(localInstant(date, start).getTime() + (s - minutesOf(start) + remaining) * 60_000);
        remaining -= e - s;
      }
    }
    date = addDays(date, 1);
    minute = 0;
  }
  throw new RangeError(`calendar: ${minutes} working minutes do not fit within a year after ${from.toISOString()}`);
}
