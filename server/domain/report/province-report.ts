import type { SupervisionFact, ReportAgency, ReportLevel } from './facts.ts';
import { agencyFigures, type ReportContext } from './agency-figures.ts';
import { sumFigures, type Figures } from './figures.ts';
import { indicatorsOf, type Indicators } from './indicators.ts';
import type { ReportPeriod } from './period.ts';

/** Bumped whenever a definition of §15 as implemented here changes; archived with every report. */
export const DEFINITION_VERSION = '2026.1';

export const LEVEL_ORDER: readonly ReportLevel[] = ['province', 'department', 'district', 'commune'];

export interface AgencyRow {
  readonly agencyId: string;
  readonly name: string;
  readonly level: ReportLevel;
  readonly districtId: string | null;
  readonly figures: Figures;
  readonly indicators: Indicators;
}

export type NotConnectedReason = 'no_open_code' | 'no_active_clerk' | 'receiving_suspended';

export interface R15Lists {
  notConnected: { agencyId: string; name: string; reasons: NotConnectedReason[] }[];
  notReceiving: { agencyId: string; name: string; lateArrivals: number; failedDeliveries: number }[];
  inactive: { agencyId: string; name: string }[];
}

export interface ProvinceReport {
  readonly period: ReportPeriod;
  readonly asOf: Date;
  readonly definitionVersion: string;
  /** By level, then name (§15.3). */
  readonly agencies: AgencyRow[];
  readonly levels: Record<ReportLevel, Indicators>;
  readonly districts: { districtId: string; name: string; indicators: Indicators }[];
  readonly province: Indicators;
  readonly r15: R15Lists;
}

function byLevelThenName(a: { level: ReportLevel; name: string }, b: { level: ReportLevel; name: string }): number {
  return LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.name.localeCompare(b.name, 'vi');
}

/**
 * The whole province for P as of T: per agency, then summed per level, per district (the district
 * UBND with its communes and offices) and for the province. Rates are ratios of sums.
 */
export function provinceReport(agencies: readonly ReportAgency[], facts: readonly SupervisionFact[], ctx: ReportContext): ProvinceReport {
  const byAgency = new Map<string, SupervisionFact[]>();
  for (const f of facts) {
    const list = byAgency.get(f.agencyId) ?? [];
    list.push(f);
    byAgency.set(f.agencyId, list);
  }
  const rows: AgencyRow[] = [...agencies].sort(byLevelThenName).map((a) => {
    const figures = agencyFigures(byAgency.get(a.id) ?? [], ctx);
    return { agencyId: a.id, name: a.name, level: a.level, districtId: a.districtId, figures, indicators: indicatorsOf(figures) };
  });
  const levels = Object.fromEntries(LEVEL_ORDER.map((level) => [level, indicatorsOf(sumFigures(rows.filter((r) => r.level === level).map((r) => r.figures)))])) as Record<ReportLevel, Indicators>;
  const districts = rows
    .filter((r) => r.level === 'district' && r.districtId === r.agencyId)
    .map((d) => ({ districtId: d.agencyId, name: d.name, indicators: indicatorsOf(sumFigures(rows.filter((r) => r.districtId === d.agencyId).map((r) => r.figures))) }));
  const r15: R15Lists = { notConnected: [], notReceiving: [], inactive: [] };
  for (const a of [...agencies].sort(byLevelThenName)) {
    const row = rows.find((r) => r.agencyId === a.id)!;
    const reasons: NotConnectedReason[] = [];
    if (!a.hasOpenCode) reasons.push('no_open_code');
    if (!a.hasActiveClerk) reasons.push('no_active_clerk');
    if (a.receivingSuspended) reasons.push('receiving_suspended');
    if (reasons.length > 0) r15.notConnected.push({ agencyId: a.id, name: a.name, reasons });
    const { lateArrivals, failedDeliveries } = row.figures.r15;
    if (lateArrivals > 0 || failedDeliveries > 0) r15.notReceiving.push({ agencyId: a.id, name: a.name, lateArrivals, failedDeliveries });
    if (row.figures.r1.total === 0 && row.figures.r4.total === 0) r15.inactive.push({ agencyId: a.id, name: a.name });
  }
  return {
    period: ctx.period, asOf: ctx.asOf, definitionVersion: DEFINITION_VERSION,
    agencies: rows, levels, districts, province: indicatorsOf(sumFigures(rows.map((r) => r.figures))), r15,
  };
}
