import type { PeriodPreset, ReportPeriod } from '../../domain/report/period.ts';
import type { ProvinceIndicators } from '../reports/get-province-indicators.ts';
import type { SupervisionComment } from './supervision.ts';

/** Everything an evaluation report shows (domain.md §15.3). */
export interface EvaluationDocument {
  preset: PeriodPreset;
  period: ReportPeriod;
  previousPeriod: ReportPeriod;
  asOf: Date;
  generatedAt: Date;
  definitionVersion: string;
  current: ProvinceIndicators;
  previous: ProvinceIndicators;
  comments: SupervisionComment[];
  agencyNames: Record<string, string>;
}

/** Turns an evaluation into its XLSX and PDF files (adapters/reports). */
export interface ReportRenderer {
  xlsx(doc: EvaluationDocument): Promise<Uint8Array>;
  pdf(doc: EvaluationDocument): Promise<Uint8Array>;
}
