import { api } from './client.ts';

/** One "receiving suspended" period (server: routes/agencies/receiving-suspensions.ts, R15). */
export interface ReceivingSuspension {
  id: string;
  agencyId: string;
  agencyName: string;
  startsOn: string;
  /** Inclusive; null: until further notice. */
  endsOn: string | null;
  reason: string;
  createdAt: string;
}

export interface NewReceivingSuspension {
  agencyId: string;
  startsOn: string;
  endsOn: string | null;
  reason: string;
}

export const findReceivingSuspensions = (signal?: AbortSignal) => api.get<{ items: ReceivingSuspension[] }>('/api/receiving-suspensions', undefined, signal);
export const suspendReceiving = (input: NewReceivingSuspension) => api.post<ReceivingSuspension>('/api/receiving-suspensions', input);
export const removeReceivingSuspension = (id: string) => api.delete<{ ok: true }>(`/api/receiving-suspensions/${encodeURIComponent(id)}`);
