import { monthsOf, type ReportPeriod } from '../../domain/report/period.ts';
import { indicatorsOf, type Indicators } from '../../domain/report/indicators.ts';
import type { ProvinceReport } from '../../domain/report/province-report.ts';
import type { Actor } from '../actor.ts';
import type { Clock } from '../ports/clock.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { agencyFigures } from '../../domain/report/agency-figures.ts';
import { asOfFor, loadFacts, parsePeriod, reportOf } from './compute-report.ts';
import { assertSupervisor } from './supervision-access.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { startOfLocalDay } from '../../domain/calendar/vietnam-time.ts';

/** What supervisors see: counts and rates per agency, never a document (domain.md §4.2). */
export type ProvinceIndicators = Omit<ProvinceReport, 'agencies'> & {
  agencies: { agencyId: string; name: string; level: ProvinceReport['agencies'][number]['level']; districtId: string | null; indicators: Indicators }[];
};

export function presentReport(r: ProvinceReport): ProvinceIndicators {
  return { ...r, agencies: r.agencies.map(({ figures: _raw, ...row }) => row) };
}

export async function getProvinceIndicators(tx: TxPorts, deps: { clock: Clock }, actor: Actor, input: { start: string; end: string }): Promise<ProvinceIndicators> {
  assertSupervisor(actor);
  const p = parsePeriod(input.start, input.end);
  const asOf = asOfFor(p, deps.clock.now());
  return presentReport(reportOf(await loadFacts(tx, p, asOf), p, asOf));
}

export interface TrendPoint {
  period: ReportPeriod;
  indicators: Indicators;
}

/** The province (or one agency) month by month over P. */
export async function getIndicatorTrend(tx: TxPorts, deps: { clock: Clock }, actor: Actor, input: { start: string; end: string; agencyId?: string }): Promise<{ agency: { id: string; name: string; level: string } | null; indicators: Indicators; points: TrendPoint[] }> {
  assertSupervisor(actor);
  const p = parsePeriod(input.start, input.end);
  const now = deps.clock.now();
  const asOf = asOfFor(p, now);
  const loaded = await loadFacts(tx, p, asOf, input.agencyId);
  let agency: { id: string; name: string; level: string } | null = null;
  if (input.agencyId) {
    const a = loaded.agencies.find((x) => x.id === input.agencyId);
    if (!a) throw new AppError(ErrorCode.NOT_FOUND, 'Không tìm thấy cơ quan trong kỳ báo cáo.');
    agency = { id: a.id, name: a.name, level: a.level };
  }
  const calendar = loaded.calendar;
  const points = monthsOf(p).map((m) => {
    // A month not begun yet shows zeros, not figures "as of" a time before it.
    const mAsOf = asOfFor(m, now);
    if (startOfLocalDay(m.start) > now) return { period: m, indicators: indicatorsOf(agencyFigures([], { period: m, asOf: mAsOf, calendar })) };
    if (input.agencyId) return { period: m, indicators: indicatorsOf(agencyFigures(loaded.facts, { period: m, asOf: mAsOf, calendar })) };
    return { period: m, indicators: reportOf(loaded, m, mAsOf).province };
  });
  const indicators = input.agencyId ? indicatorsOf(agencyFigures(loaded.facts, { period: p, asOf, calendar })) : reportOf(loaded, p, asOf).province;
  return { agency, indicators, points };
}
