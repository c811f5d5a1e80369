import { addDays, endOfLocalDay, isLocalDate, startOfLocalDay } from '../calendar/vietnam-time.ts';

/** A reporting period P = [start, end], local dates inclusive (domain.md §15.1). */
export interface ReportPeriod {
  readonly start: string;
  readonly end: string;
}

export type PeriodPreset = 'half_year' | 'annual' | 'custom';

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  half_year: 'Định kỳ 6 tháng',
  annual: 'Hằng năm',
  custom: 'Tùy chọn',
};

export function period(start: string, end: string): ReportPeriod {
  if (!isLocalDate(start)) throw new RangeError(`period: start is not a date (YYYY-MM-DD): ${start}`);
  if (!isLocalDate(end)) throw new RangeError(`period: end is not a date (YYYY-MM-DD): ${end}`);
  if (end < start) throw new RangeError(`period: end ${end} is before start ${start}`);
  return { start, end };
}

/** 6-month: 1 January–30 June or 1 July–31 December; annual: the calendar year. */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, year: number, half: 1 | 2 = 1): ReportPeriod {
  if (preset === 'annual') return { start: `${year}-01-01`, end: `${year}-12-31` };
  return half === 1 ? { start: `${year}-01-01`, end: `${year}-06-30` } : { start: `${year}-07-01`, end: `${year}-12-31` };
}

/** T = the end of the end date (domain.md §15.1). */
export function asOfInstant(p: ReportPeriod): Date {
  return endOfLocalDay(p.end);
}

export function periodDays(p: ReportPeriod): number {
  return Math.round((Date.parse(`${p.end}T00:00:00Z`) - Date.parse(`${p.start}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * The previous period of equal length for the "change" columns (§15.3): the previous half-year or
 * year for those presets, else the same number of days just before the start.
 */
export function previousPeriod(p: ReportPeriod): ReportPeriod {
  const [y, m, d] = p.start.split('-').map(Number) as [number, number, number];
  if (d === 1 && p.end === `${y}-12-31` && m === 1) return { start: `${y - 1}-01-01`, end: `${y - 1}-12-31` };
  if (d === 1 && m === 1 && p.end === `${y}-06-30`) return { start: `${y - 1}-07-01`, end: `${y - 1}-12-31` };
  if (d === 1 && m === 7 && p.end === `${y}-12-31`) return { start: `${y}-01-01`, end: `${y}-06-30` };
  const days = periodDays(p);
  return { start: addDays(p.start, -days), end: addDays(p.start, -1) };
}

/** Whether an instant lies in P and not after T. */
export function within(p: ReportPeriod, asOf: Date, at: Date): boolean {
  const t = at.getTime();
  return t >= startOfLocalDay(p.start).getTime() && t <= endOfLocalDay(p.end).getTime() && t <= asOf.getTime();
}

/** The months of P as periods (for the province trend). */
export function monthsOf(p: ReportPeriod): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  let start = p.start;
  while (start <= p.end) {
    const [y, m] = start.split('-').map(Number) as [number, number];
    const nextMonth = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    const end = addDays(nextMonth, -1) < p.end ? addDays(nextMonth, -1) : p.end;
    out.push({ start, end });
    start = nextMonth;
  }
  return out;
}
