import { localDateOf } from '../../domain/calendar/vietnam-time.ts';
import { asOfInstant, periodDays, presetPeriod, previousPeriod, type PeriodPreset, type ReportPeriod } from '../../domain/report/period.ts';
import { DEFINITION_VERSION } from '../../domain/report/province-report.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { EvaluationDocument, ReportRenderer } from '../ports/report-renderer.ts';
import type { ArchivedReport } from '../ports/supervision.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { computeProvinceReport, parsePeriod } from './compute-report.ts';
import { presentReport } from './get-province-indicators.ts';
import { assertSupervisor } from './supervision-access.ts';

export interface EvaluationRequest {
  preset: PeriodPreset;
  year?: number;
  half?: 1 | 2;
  start?: string;
  end?: string;
}

export function periodOfRequest(input: EvaluationRequest): ReportPeriod {
  if (input.preset === 'custom') {
    if (!input.start || !input.end) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Kỳ tùy chọn cần ngày bắt đầu và ngày kết thúc.', { field: 'start' });
    const p = parsePeriod(input.start, input.end);
    if (periodDays(p) > 366) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Kỳ báo cáo dài tối đa một năm.', { field: 'end' });
    return p;
  }
  if (!input.year) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Cần năm của kỳ báo cáo.', { field: 'year' });
  if (input.preset === 'half_year' && !input.half) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Báo cáo 6 tháng cần chọn 6 tháng đầu năm (1) hoặc cuối năm (2).', { field: 'half' });
  return presetPeriod(input.preset, input.year, input.half ?? 1);
}

/**
 * Computes the evaluation of P as of T with its previous period and the supervisors' comments,
 * renders the XLSX and the PDF, and keeps both with the frozen figures in the archive.
 */
export async function generateEvaluation(
  tx: TxPorts,
  deps: { clock: Clock; renderer: ReportRenderer },
  generatedBy: Actor | null,
  preset: PeriodPreset,
  p: ReportPeriod,
): Promise<ArchivedReport> {
  const now = deps.clock.now();
  const asOf = asOfInstant(p);
  if (asOf > now) throw new AppError(ErrorCode.VALIDATION_FAILED, `Kỳ báo cáo chưa kết thúc: chỉ lập được sau ngày ${p.end}.`, { field: 'end' });
  const prev = previousPeriod(p);
  const current = presentReport(await computeProvinceReport(tx, p, asOf));
  const previous = presentReport(await computeProvinceReport(tx, prev, asOfInstant(prev)));
  const doc: EvaluationDocument = {
    preset, period: p, previousPeriod: prev, asOf, generatedAt: now, definitionVersion: DEFINITION_VERSION, current, previous,
    comments: await tx.supervision.listComments(p),
    agencyNames: Object.fromEntries(current.agencies.map((a) => [a.agencyId, a.name])),
  };
  const [xlsx, pdf] = [await deps.renderer.xlsx(doc), await deps.renderer.pdf(doc)];
  const archived = await tx.supervision.archive({
    preset, period: p, asOf, definitionVersion: DEFINITION_VERSION, generatedAt: now, generatedBy: generatedBy?.userId ?? null,
    trigger: generatedBy ? 'demand' : 'schedule', snapshot: { current, previous }, xlsx, pdf,
  });
  await tx.audit.record({
    type: 'report.generated', actorUserId: generatedBy?.userId ?? null, actorAgencyId: generatedBy?.agencyId ?? null, agencyId: null,
    subjectType: 'evaluation_report', subjectId: archived.id,
    data: { preset, start: p.start, end: p.end, definitionVersion: DEFINITION_VERSION, trigger: archived.trigger, xlsxBytes: xlsx.length, pdfBytes: pdf.length },
  });
  return archived;
}

export async function createEvaluationReport(tx: TxPorts, deps: { clock: Clock; renderer: ReportRenderer }, actor: Actor, input: EvaluationRequest): Promise<ArchivedReport> {
  assertSupervisor(actor);
  return generateEvaluation(tx, deps, actor, input.preset, periodOfRequest(input));
}

/** The last finished half-year and year as of `now` (Vietnam dates). */
export function duePeriods(now: Date): { preset: PeriodPreset; period: ReportPeriod }[] {
  const today = localDateOf(now);
  const year = Number(today.slice(0, 4));
  const lastHalf = today > `${year}-06-30` ? presetPeriod('half_year', year, 1) : presetPeriod('half_year', year - 1, 2);
  return [{ preset: 'half_year', period: lastHalf }, { preset: 'annual', period: presetPeriod('annual', year - 1) }];
}

/** The scheduled job: generate each finished period's report once, when the archive lacks it. */
export async function generateDueEvaluations(tx: TxPorts, deps: { clock: Clock; renderer: ReportRenderer }): Promise<ArchivedReport[]> {
  await tx.supervision.lockSchedule();
  const made: ArchivedReport[] = [];
  for (const { preset, period } of duePeriods(deps.clock.now())) {
    if (await tx.supervision.findArchived(period, preset)) continue;
    made.push(await generateEvaluation(tx, deps, null, preset, period));
  }
  return made;
}
