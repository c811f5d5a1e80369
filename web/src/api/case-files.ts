import { api } from './client.ts';

/** A case file (hồ sơ công việc; server: routes/case-files). */
export interface CaseFile {
  id: string;
  year: number;
  notation: string;
  title: string;
  retention: string;
  keeperUserId: string;
  openedAt: string;
  closedAt: string | null;
  documents?: number;
}

export const caseFileApi = {
  list: (signal?: AbortSignal) => api.get<{ items: CaseFile[] }>('/api/case-files', undefined, signal),
  create: (body: { title: string; notation: string; retention?: string }) => api.post<CaseFile>('/api/case-files', body),
  file: (id: string, incomingId: string) => api.post<{ filed: boolean }>(`/api/case-files/${id}/documents`, { incomingId }),
  close: (id: string) => api.post<CaseFile>(`/api/case-files/${id}/close`, {}),
  exportUrl: (id: string) => `/api/case-files/${id}/export`,
};
