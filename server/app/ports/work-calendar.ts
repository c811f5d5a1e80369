import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';

export type CalendarDayKind = 'day_off' | 'make_up';

/** One row of the operator's calendar: a day off (holiday, Tết, compensatory day) or a make-up working day. */
export interface CalendarDay {
  /** Local date, YYYY-MM-DD. */
  day: string;
  kind: CalendarDayKind;
  /** What the day is, as the operator wrote it ("Tết Nguyên đán (mùng 1)"). */
  name: string;
}

/**
 * The working calendar the system operator keeps per year (domain.md §2). Read by the reports'
 * timeliness tests and the incoming default deadlines; written from Quản trị › Lịch làm việc.
 */
export interface WorkCalendar {
  /** Every stored year as one calendar (weekends are implicit; rows add days off and make-up days). */
  load(): Promise<WorkingCalendar>;
  /** The rows of one year, by date. */
  listYear(year: number): Promise<CalendarDay[]>;
  /** Replaces the rows of one year with `days` (all inside that year). */
  replaceYear(year: number, days: readonly CalendarDay[], updatedBy: string | null): Promise<void>;
}
