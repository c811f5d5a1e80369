import { startOfLocalDay } from '../../domain/calendar/vietnam-time.ts';
import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import type { ReportAgency, SupervisionFact } from '../../domain/report/facts.ts';
import { asOfInstant, period as checkedPeriod, type ReportPeriod } from '../../domain/report/period.ts';
import { provinceReport, type ProvinceReport } from '../../domain/report/province-report.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

/** Facts older than this before P cannot change P's figures in practice (a document open over a year). */
const LOOKBACK_DAYS = 400;

export function parsePeriod(start: string, end: string): ReportPeriod {
  try {
    return checkedPeriod(start, end);
  } catch (error) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, `Kỳ báo cáo không hợp lệ: ${(error as Error).message}`, { field: 'period' });
  }
}

/** T = the end of the end date, or now while the period is still running. */
export function asOfFor(p: ReportPeriod, now: Date): Date {
  const end = asOfInstant(p);
  return end < now ? end : now;
}

export interface LoadedFacts {
  agencies: ReportAgency[];
  facts: SupervisionFact[];
  /** The operator's working calendar (days off are skipped by the timeliness tests). */
  calendar: WorkingCalendar;
}

export async function loadFacts(tx: TxPorts, p: ReportPeriod, asOf: Date, agencyId?: string): Promise<LoadedFacts> {
  const since = new Date(startOfLocalDay(p.start).getTime() - LOOKBACK_DAYS * 86_400_000);
  const [agencies, facts, calendar] = await Promise.all([tx.supervision.loadAgencies(p, asOf), tx.supervision.loadFacts(since, asOf, agencyId), tx.workCalendar.load()]);
  return { agencies, facts, calendar };
}

export function reportOf(loaded: LoadedFacts, p: ReportPeriod, asOf: Date): ProvinceReport {
  return provinceReport(loaded.agencies, loaded.facts, { period: p, asOf, calendar: loaded.calendar });
}

export async function computeProvinceReport(tx: TxPorts, p: ReportPeriod, asOf: Date): Promise<ProvinceReport> {
  return reportOf(await loadFacts(tx, p, asOf), p, asOf);
}
