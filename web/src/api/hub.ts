import { api } from './client.ts';

/** Contract: server/entry/http/routes/hub/*.ts (operator routes, permission hub.operate). */
export interface QueueRow {
  state: 'pending' | 'sending' | 'failed' | 'dead' | string;
  route: 'local' | 'peer' | 'none' | string;
  count: number;
  oldestAgeSeconds: number | null;
}

export interface PeerHealth {
  id: string;
  name: string;
  codePrefixes: string[];
  endpointUrl: string | null;
  mode: string;
  signaturePolicy: string;
  certificateCheck: string;
  active: boolean;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  consecutiveFailures: number;
  waiting: number;
  dead: number;
  oldestWaitingAt: string | null;
}

export interface DeadLetter {
  deliveryId: string;
  packageId: string;
  documentId: string | null;
  kind: string;
  senderCode: string;
  receiverCode: string;
  code: string | null;
  origin: string | null;
  message: string | null;
  attempts: number;
  firstAttemptAt: string | null;
  lastAttemptAt: string | null;
  createdAt: string;
}

export interface TraceEvent {
  seq: number;
  occurredAt: string;
  kind: string;
  packageId: string;
  documentId: string | null;
  fromNode: string | null;
  toNode: string | null;
  packageSha256: string | null;
  errorCode: string | null;
  errorOrigin: string | null;
  data: unknown;
  hash: string;
}

export interface Delivery {
  id: string;
  packageId: string;
  senderCode: string;
  receiverCode: string;
  route: string;
  state: string;
  attempts: number;
  nextAttemptAt: string;
  lastErrorCode: string | null;
  lastErrorOrigin: string | null;
  lastErrorMessage: string | null;
  deliveredAt: string | null;
  ackResult: string | null;
}

export const findQueues = (signal?: AbortSignal) => api.get<{ items: QueueRow[] }>('/api/hub/queues', undefined, signal).then((b) => b.items);
export const findPeers = (signal?: AbortSignal) => api.get<{ items: PeerHealth[] }>('/api/hub/peers', undefined, signal).then((b) => b.items);
export const findDeadLetters = (page: { limit: number; offset: number }, signal?: AbortSignal) =>
  api.get<{ total: number; items: DeadLetter[] }>('/api/hub/dead-letters', page, signal);
export const resendDeadLetter = (deliveryId: string) => api.post<Delivery>(`/api/hub/dead-letters/${encodeURIComponent(deliveryId)}/resend`);
export const getPackageTrace = (packageId: string, signal?: AbortSignal) =>
  api.get<{ events: TraceEvent[]; deliveries: Delivery[] }>(`/api/hub/packages/${encodeURIComponent(packageId)}/trace`, undefined, signal);
export const abandonDeadLetter = (deliveryId: string, reason: string) =>
  api.post<Delivery>(`/api/hub/dead-letters/${encodeURIComponent(deliveryId)}/abandon`, { reason });

export interface RegisterPeerInput {
  name: string;
  codePrefixes: string[];
  endpointUrl?: string | null;
  certificatePem?: string | null;
  inboundToken?: string;
  outboundToken?: string | null;
  signaturePolicy?: 'required' | 'unsigned-allowed';
  certificateCheck?: 'registered' | 'chain' | 'chain-revocation';
  maxPackageBytes?: number | null;
}

export interface RegisteredPeer {
  id: string;
  name: string;
  codePrefixes: string[];
  endpointUrl: string | null;
  signaturePolicy: string;
  certificateCheck: string;
  /** Shown once: only its SHA-256 is kept on the server. */
  inboundToken: string;
}

export const registerPeer = (input: RegisterPeerInput) => api.post<RegisteredPeer>('/api/hub/peers', input);

/** Absent = unchanged, `null` clears; `newInboundToken` makes the server generate one (returned once). */
export type UpdatePeerInput = Partial<Omit<RegisterPeerInput, 'inboundToken'>> & { inboundToken?: string; newInboundToken?: boolean; active?: boolean };

export interface UpdatedPeer extends Omit<RegisteredPeer, 'inboundToken'> {
  hasCertificate: boolean;
  active: boolean;
  inboundToken?: string;
}

export const updatePeer = (id: string, input: UpdatePeerInput) => api.patch<UpdatedPeer>(`/api/hub/peers/${encodeURIComponent(id)}`, input);

/** Stuck-queue alarms (GET /api/hub/alarms): computed by the server against HUB_STUCK_ALARM_MINUTES. */
export type HubAlarm =
  | { kind: 'queue'; waiting: number; since: string; ageSeconds: number }
  | { kind: 'peer'; peerId: string; peerName: string; waiting: number; lastSuccessAt: string | null; since: string; ageSeconds: number };

export const findAlarms = (signal?: AbortSignal) => api.get<{ thresholdMinutes: number; items: HubAlarm[] }>('/api/hub/alarms', undefined, signal);
