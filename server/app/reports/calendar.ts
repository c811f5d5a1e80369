import { workingCalendar, type WorkingCalendar } from '../../domain/calendar/working-calendar.ts';

/**
 * Days off the reports' timeliness tests skip. domain.md §2 has the system operator keep this data
 * yearly; until that store exists, these are the 2026 public holidays and days off of the Labour
 * Code (Tết Bính Ngọ 16–20 February, Hùng Kings' day observed 27 April, 30 April, 1 May, National Day
 * 1–2 September) [LT: to be replaced by the operator's calendar].
 */
const HOLIDAYS = [
  '2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
  '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02',
];

let cached: WorkingCalendar | undefined;

export function reportCalendar(): WorkingCalendar {
  cached ??= workingCalendar({ holidays: HOLIDAYS, makeUpDays: [] });
  return cached;
}
