import type { TimestampDefault, DateOnly } from './schema-columns.ts';

/** 20261203500100-work-calendar: the operator's days off and make-up working days (app/ports/work-calendar.ts). */
export interface WorkCalendarDaysTable {
  day: DateOnly;
  kind: 'day_off' | 'make_up';
  name: string;
  updated_by: string | null;
  updated_at: TimestampDefault;
}
