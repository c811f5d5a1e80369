import { api } from './client.ts';

/** Contract: server/entry/http/routes/reports/report-schemas.ts (indicators of domain.md §15). */
export interface Rate {
  numerator: number;
  denominator: number;
  /** null = "–": empty denominator. */
  percent: number | null;
}

export interface Durations {
  count: number;
  meanHours: number | null;
  medianHours: number | null;
  clamped: number;
}

export interface Indicators {
  r1: { total: number; electronic: number; paperOnly: number };
  r2: { total: number; province: number; external: number };
  r3: { total: number; registered: number; refused: number; pending: number };
  r4: { total: number; electronic: number; paper: number };
  r5: Rate;
  r6: Rate;
  r7: Rate & { reasons: Record<string, number> };
  r8: { outgoing: Rate; incoming: Rate };
  r9: Rate;
  r10: Rate & { leftOut: number };
  r11: { sendToRegistration: Durations; arrivalToRegistration: Durations };
  r12: Rate & { finishedLate: number; openPastDeadline: number; openNotDue: number; withoutDeadline: number };
  r13: { overdue: number; days1to5: number; days6to10: number; daysOver10: number };
  r14: { refusalsGiven: number; refusalsReceived: number; recallsSent: number; accepted15: number; refused16: number };
}

export type Level = 'province' | 'department' | 'district' | 'commune';

export interface Period {
  start: string;
  end: string;
}

export interface AgencyIndicators {
  agencyId: string;
  name: string;
  level: Level;
  districtId: string | null;
  indicators: Indicators;
}

export interface ProvinceIndicators {
  period: Period;
  asOf: string;
  definitionVersion: string;
  province: Indicators;
  levels: Record<Level, Indicators>;
  districts: { districtId: string; name: string; indicators: Indicators }[];
  agencies: AgencyIndicators[];
  r15: {
    notConnected: { agencyId: string; name: string; reasons: string[] }[];
    notReceiving: { agencyId: string; name: string; lateArrivals: number; failedDeliveries: number }[];
    inactive: { agencyId: string; name: string }[];
  };
}

export interface Trend {
  agency: { id: string; name: string; level: string } | null;
  indicators: Indicators;
  points: { period: Period; indicators: Indicators }[];
}

export interface ArchivedReport {
  id: string;
  preset: 'half_year' | 'annual' | 'custom';
  period: Period;
  asOf: string;
  definitionVersion: string;
  generatedAt: string;
  trigger: 'schedule' | 'demand';
}

export interface EvaluationComment {
  id: string;
  period: Period;
  agencyId: string | null;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface WorkloadRow {
  id: string | null;
  name: string;
  open: number;
  dueSoon: number;
  overdue: number;
}

export interface Workload {
  agencyId: string;
  asOf: string;
  scope: 'agency' | 'unit';
  totals: { open: number; dueSoon: number; overdue: number };
  byUnit: WorkloadRow[];
  byPerson: WorkloadRow[];
}

export const getProvince = (p: Period, signal?: AbortSignal) => api.get<ProvinceIndicators>('/api/reports/province', { ...p }, signal);
export const getTrend = (p: Period, signal?: AbortSignal) => api.get<Trend>('/api/reports/trend', { ...p }, signal);
export const getAgencyTrend = (id: string, p: Period, signal?: AbortSignal) => api.get<Trend>(`/api/reports/agencies/${encodeURIComponent(id)}`, { ...p }, signal);
export const findEvaluations = (signal?: AbortSignal) => api.get<{ items: ArchivedReport[] }>('/api/reports/evaluations', undefined, signal).then((r) => r.items);
export const createEvaluation = (input: { preset: ArchivedReport['preset']; year?: number; half?: 1 | 2; start?: string; end?: string }) => api.post<ArchivedReport>('/api/reports/evaluations', input);
export const findComments = (p: Period, signal?: AbortSignal) => api.get<{ items: EvaluationComment[] }>('/api/reports/comments', { ...p }, signal).then((r) => r.items);
export const createComment = (input: Period & { agencyId?: string | null; body: string }) => api.post<EvaluationComment>('/api/reports/comments', input);
export const getWorkload = (signal?: AbortSignal) => api.get<Workload>('/api/reports/workload', undefined, signal);
export const evaluationFileUrl = (id: string, format: 'xlsx' | 'pdf') => `/api/reports/evaluations/${encodeURIComponent(id)}/file?format=${format}`;
