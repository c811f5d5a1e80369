import { api, download } from './client.ts';

/** Contract: server/entry/http/routes/agencies/*.ts (agency-schemas.ts holds the shared shapes). */
export type AgencyLevel = 'province' | 'provincial_agency' | 'district' | 'district_office' | 'commune';

export const LEVEL_LABELS: Record<AgencyLevel, string> = {
  province: 'Cấp tỉnh',
  provincial_agency: 'Sở, ban, ngành tỉnh',
  district: 'Cấp huyện',
  district_office: 'Văn phòng HĐND và UBND cấp huyện',
  commune: 'Cấp xã',
};

export interface Agency {
  id: string;
  name: string;
  shortName: string;
  abbreviation: string | null;
  level: AgencyLevel;
  parentId: string | null;
  servedById: string | null;
  placeName: string | null;
  address: string | null;
  contactEmail: string | null;
  existedFrom: string | null;
  existedTo: string | null;
  active: boolean;
  note: string | null;
  code: string | null;
  codeIsSample: boolean;
}

export interface AgencyCode {
  id?: string;
  code: string;
  validFrom: string;
  validTo: string | null;
  isSample: boolean;
  source: string | null;
  successorCode?: string | null;
}

export interface Unit {
  id: string;
  agencyId: string;
  parentId: string | null;
  name: string;
  abbreviation: string | null;
  isFocalPoint: boolean;
  active: boolean;
}

export interface AgencyRef {
  id: string;
  name: string;
  code: string | null;
}

export interface AgencyDetail {
  agency: Agency;
  parent: AgencyRef | null;
  servedBy: AgencyRef | null;
  childrenCount: number;
  units: Unit[];
  focalPoint: Unit | null;
  codes: AgencyCode[];
}

/** Fields an operator edits (PATCH takes any subset; POST needs name, shortName, level). */
export interface AgencyFields {
  name: string;
  shortName: string;
  level: AgencyLevel;
  abbreviation: string | null;
  parentId: string | null;
  placeName: string | null;
  address: string | null;
  contactEmail: string | null;
}

export interface NewAgency extends AgencyFields {
  code?: string | null;
  codeValidFrom?: string;
  focalUnitName?: string | null;
}

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

export interface ImportProblem {
  row: number | null;
  column: string | null;
  message: string;
}

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const PAGE_SIZE = 200;

/** Every agency matching the filter: a province has a few hundred, so all pages are fetched. */
export async function findAgencies(query: { q?: string; level?: string; parent?: string }, signal?: AbortSignal): Promise<Agency[]> {
  const items: Agency[] = [];
  for (let page = 1; ; page++) {
    const body = await api.get<Page<Agency>>('/api/agencies', { ...query, page, pageSize: PAGE_SIZE }, signal);
    items.push(...body.items);
    if (body.items.length === 0 || items.length >= body.total) return items;
  }
}

export function getAgency(id: string, signal?: AbortSignal): Promise<AgencyDetail> {
  return api.get<AgencyDetail>(`/api/agencies/${encodeURIComponent(id)}`, undefined, signal);
}

export async function findUnits(agencyId: string, signal?: AbortSignal): Promise<Unit[]> {
  return (await api.get<{ items: Unit[] }>(`/api/agencies/${encodeURIComponent(agencyId)}/units`, undefined, signal)).items;
}

export function createAgency(input: NewAgency): Promise<Agency> {
  return api.post<Agency>('/api/agencies', input);
}

export function updateAgency(id: string, patch: Partial<AgencyFields> & { active?: boolean }): Promise<Agency> {
  return api.patch<Agency>(`/api/agencies/${encodeURIComponent(id)}`, patch);
}

export function assignAgencyCode(id: string, input: { code: string; validFrom?: string }): Promise<{ codes: AgencyCode[] }> {
  return api.post(`/api/agencies/${encodeURIComponent(id)}/codes`, input);
}

export function createUnit(agencyId: string, input: { name: string; abbreviation?: string | null; parentId?: string | null }): Promise<Unit> {
  return api.post<Unit>(`/api/agencies/${encodeURIComponent(agencyId)}/units`, input);
}

export function importAgencies(csv: string, dryRun: boolean): Promise<ImportSummary> {
  return api.post<ImportSummary>('/api/agencies/import', { csv, dryRun });
}

export function exportAgencies(): Promise<{ text: string; fileName: string | null }> {
  return download('/api/agencies/export');
}

/** The per-row report of a refused import (DIRECTORY_IMPORT_INVALID puts it in details.problems). */
export function importProblemsOf(details: unknown): ImportProblem[] {
  const list = (details as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(list)) return [];
  return list.filter((p): p is ImportProblem => typeof p === 'object' && p !== null && typeof (p as { message?: unknown }).message === 'string');
}
