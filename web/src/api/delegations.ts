import { api } from './client.ts';

/** "Absent from–to, X acts for me" (server: routes/delegations). */
export interface Delegation {
  id: string;
  principalUserId: string;
  principalName: string;
  delegateUserId: string;
  delegateName: string;
  startsAt: string;
  endsAt: string;
  reason: string;
  createdAt: string;
  cancelledAt: string | null;
  /** In force now. */
  active: boolean;
}

export interface NewDelegation {
  principalUserId?: string;
  delegateUserId: string;
  startsAt: string;
  endsAt: string;
  reason?: string;
}

export const delegationApi = {
  list: (signal?: AbortSignal) => api.get<{ items: Delegation[] }>('/api/delegations', undefined, signal),
  create: (body: NewDelegation) => api.post<Delegation>('/api/delegations', body),
  cancel: (id: string) => api.post<Delegation>(`/api/delegations/${id}/cancel`, {}),
};

/** A `datetime-local` value (Vietnam wall-clock) as an instant with the +07:00 offset. */
export function vietnamInstant(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+07:00`;
}
