import { sql, type Kysely } from 'kysely';
import { workingCalendar, type WorkingCalendar } from '../../../domain/calendar/working-calendar.ts';
import type { CalendarDay, WorkCalendar } from '../../../app/ports/work-calendar.ts';
import type { DB } from '../schema.ts';

/** A DATE column as YYYY-MM-DD whether the driver gives a string or a Date at local midnight. */
function isoDay(value: unknown): string {
  if (value instanceof Date) return new Date(value.getTime() - value.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

export class PgWorkCalendar implements WorkCalendar {
  constructor(private readonly db: Kysely<DB>) {}

  async load(): Promise<WorkingCalendar> {
    const rows = await this.db.selectFrom('work_calendar_days').select(['day', 'kind']).execute();
    const days = rows.map((r) => ({ day: isoDay(r.day), kind: r.kind }));
    return workingCalendar({
      holidays: days.filter((d) => d.kind === 'day_off').map((d) => d.day),
      makeUpDays: days.filter((d) => d.kind === 'make_up').map((d) => d.day),
    });
  }

  async listYear(year: number): Promise<CalendarDay[]> {
    const rows = await this.db.selectFrom('work_calendar_days').select(['day', 'kind', 'name'])
      .where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).orderBy('day').execute();
    return rows.map((r) => ({ day: isoDay(r.day), kind: r.kind, name: r.name }));
  }

  async replaceYear(year: number, days: readonly CalendarDay[], updatedBy: string | null): Promise<void> {
    await this.db.deleteFrom('work_calendar_days').where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).execute();
    if (days.length === 0) return;
    await this.db.insertInto('work_calendar_days')
      .values(days.map((d) => ({ day: d.day, kind: d.kind, name: d.name, updated_by: updatedBy, updated_at: sql<Date>`now()` })))
      .execute();
  }
}
