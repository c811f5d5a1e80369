import { isWorkingDay, workingCalendar } from '../../domain/calendar/working-calendar.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { can } from '../policies/permissions.ts';
import type { CalendarDay } from '../ports/work-calendar.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

/** Years the calendar may hold: enough back for reports over old periods, a few ahead for deadlines. */
export const CALENDAR_YEARS = { min: 2000, max: 2100 } as const;

/** The calendar is the system operator's (hub.operate, domain.md §2); `null` is the command line. */
function assertOperator(actor: Actor | null): void {
  if (actor && !can(actor.roles, 'hub.operate')) throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ quản trị hệ thống được sửa lịch làm việc.');
}

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, `Năm "${year}" không hợp lệ (từ ${CALENDAR_YEARS.min} đến ${CALENDAR_YEARS.max}).`, { field: 'year' });
  }
  return year;
}

export async function getWorkCalendarYear(tx: TxPorts, actor: Actor | null, year: number): Promise<CalendarDay[]> {
  assertOperator(actor);
  return tx.workCalendar.listYear(checkYear(year));
}

/**
 * Replaces one year's rows. Each day must be a real date of that year, listed once; a make-up day
 * must fall on a weekend (a weekday is a working day already) and a day off on a weekday or weekend
 * alike (a holiday on a Sunday is still listed, with its compensatory day beside it).
 */
export async function replaceWorkCalendarYear(tx: TxPorts, actor: Actor | null, year: number, days: readonly CalendarDay[]): Promise<CalendarDay[]> {
  assertOperator(actor);
  checkYear(year);
  const seen = new Set<string>();
  const clean: CalendarDay[] = [];
  for (const [i, d] of days.entries()) {
    const field = `days[${i}]`;
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(d.day) && new Date(`${d.day}T00:00:00Z`).toISOString().slice(0, 10) === d.day;
    if (!ok) throw new AppError(ErrorCode.VALIDATION_FAILED, `Ngày "${d.day}" không hợp lệ (định dạng YYYY-MM-DD).`, { field });
    if (!d.day.startsWith(`${year}-`)) throw new AppError(ErrorCode.VALIDATION_FAILED, `Ngày ${d.day} không thuộc năm ${year}.`, { field });
    if (seen.has(d.day)) throw new AppError(ErrorCode.VALIDATION_FAILED, `Ngày ${d.day} được nhập hai lần.`, { field });
    seen.add(d.day);
    const name = d.name.trim();
    if (name === '' || name.length > 200) throw new AppError(ErrorCode.VALIDATION_FAILED, `Ngày ${d.day}: cần ghi tên ngày nghỉ hoặc ngày làm bù (tối đa 200 ký tự).`, { field });
    if (d.kind === 'make_up' && isWorkingDay(workingCalendar({ holidays: [], makeUpDays: [] }), d.day)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, `Ngày ${d.day} là ngày làm việc bình thường, không cần ghi là ngày làm bù.`, { field });
    }
    clean.push({ day: d.day, kind: d.kind, name });
  }
  clean.sort((a, b) => a.day.localeCompare(b.day));
  const before = await tx.workCalendar.listYear(year);
  await tx.workCalendar.replaceYear(year, clean, actor?.userId ?? null);
  await tx.audit.record({
    type: 'calendar.year_replaced', actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: null,
    subjectType: 'work_calendar', subjectId: String(year),
    data: { year, before: before.length, daysOff: clean.filter((d) => d.kind === 'day_off').length, makeUpDays: clean.filter((d) => d.kind === 'make_up').length },
  });
  return clean;
}
