/** The incoming-document API (văn bản đến), typed as the server presents it. */
import { api, ApiError, getCsrfToken } from './client.ts';
import { toApiError } from './errors.ts';

export interface IncomingDoc {
  id: string;
  state: string;
  stateLabel: string;
  channel: 'electronic' | 'paper';
  senderName: string;
  codeNumber: string;
  codeNotation: string;
  promulgationDate: string | null;
  typeName: string;
  subject: string;
  signerName: string | null;
  dueDate: string | null;
  urgency: string;
  receivedAt: string;
  signatureStatus: string;
  warnings: string[];
  duplicateOf: string | null;
  duplicateReason: string | null;
  arrivalNumber: number | null;
  arrivalYear: number | null;
  registeredAt: string | null;
  refusalReason: string | null;
  presentedTo: string | null;
  exchangeState: string;
  outcome: string | null;
  outcomeNote: string | null;
}

export interface Assignment {
  id: string;
  parentId: string | null;
  kind: 'lead' | 'coordinating' | 'informed';
  assigneeUnitId: string | null;
  assigneeUserId: string | null;
  assignedBy: string;
  onBehalfOf: string | null;
  instruction: string;
  deadline: string | null;
  state: string;
  createdAt: string;
}

export interface IncomingFile {
  id: string;
  role: string;
  name: string;
  size: number;
  mediaType: string;
  signatureStatus: string | null;
}

/** Default handling deadline in working days for (document type, urgency); type '*' is any type. */
export interface DeadlineSetting {
  typeCode: string;
  urgency: string;
  workingDays: number;
}

export interface ChangeMetadata {
  subject: string; codeNumber: string; codeNotation: string; promulgationDate: string | null; typeName: string; signerName: string | null; dueDate: string | null; urgency: string;
}

/** A received revocation, update or replacement waiting for (or answered by) the clerk. */
export interface ChangeRequest {
  id: string; kind: 'revoke' | 'update' | 'replace'; targetDocumentId: string; incomingId: string | null; replacementId: string | null; reason: string | null;
  metadata: ChangeMetadata | null; previousMetadata: ChangeMetadata | null; state: string; answerReason: string | null; answeredAt: string | null; receivedAt: string;
  senderCode: string; parkUntil: string;
}

export interface IncomingDetail {
  document: IncomingDoc;
  files: IncomingFile[];
  assignments: Assignment[];
  events: { id: string; kind: string; actorUserId: string | null; onBehalfOf: string | null; text: string | null; occurredAt: string; assignmentId: string | null }[];
  extensions: { id: string; assignmentId: string; reason: string; previousDeadline: string | null; proposedDeadline: string; state: string; decisionNote: string | null }[];
  changeRequests: ChangeRequest[];
  names: Record<string, string>;
  can: { register: boolean; direct: boolean; present: boolean; passOn: string[]; work: string[]; decideExtensions: string[]; answerChanges: string[] };
}

export interface Assignees {
  units: { id: string; name: string }[];
  users: { id: string; fullName: string; title: string; unitId: string | null; roles: string[] }[];
}

export interface WorkItem {
  assignment: Assignment;
  document: { id: string; subject: string; senderName: string; codeNumber: string; codeNotation: string; arrivalNumber: number | null; urgency: string; state: string };
  overdue: boolean;
  /** Working days past the deadline (holidays and weekends do not count). */
  overdueWorkingDays: number;
  followUp: boolean;
  assignee: string | null;
}

export interface RegisterLine {
  incomingId: string;
  arrivalDate: string;
  arrivalNumber: string;
  author: string;
  numberNotation: string;
  documentDate: string;
  typeAndAbstract: string;
  passedTo: string;
  passedOn: string;
  receipt: string;
  note: string;
}

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  incomingId: string | null;
  createdAt: string;
  readAt: string | null;
}

export const incomingApi = {
  list: (view: 'inbox' | 'all', signal?: AbortSignal) => api.get<{ items: IncomingDoc[] }>('/api/incoming', { view }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<IncomingDetail>(`/api/incoming/${id}`, undefined, signal),
  register: (id: string, notDuplicate: boolean) => api.post<IncomingDoc>(`/api/incoming/${id}/register`, notDuplicate ? { notDuplicate } : {}),
  refuse: (id: string, reason: string) => api.post<IncomingDoc>(`/api/incoming/${id}/refuse`, { reason }),
  present: (id: string, leaderUserId: string) => api.post<IncomingDoc>(`/api/incoming/${id}/present`, { leaderUserId }),
  direct: (id: string, body: unknown) => api.post<IncomingDoc>(`/api/incoming/${id}/direct`, body),
  paper: (body: unknown) => api.post<IncomingDoc>('/api/incoming/paper', body),
  assignees: (signal?: AbortSignal) => api.get<Assignees>('/api/incoming-assignees', undefined, signal),
  pass: (assignmentId: string, body: unknown) => api.post<Assignment>(`/api/assignments/${assignmentId}/pass`, body),
  comment: (assignmentId: string, text: string) => api.post<{ ok: true }>(`/api/assignments/${assignmentId}/comments`, { text }),
  finish: (assignmentId: string, body: unknown) => api.post<{ documentFinished: boolean }>(`/api/assignments/${assignmentId}/finish`, body),
  requestExtension: (assignmentId: string, body: unknown) => api.post<unknown>(`/api/assignments/${assignmentId}/extensions`, body),
  decideExtension: (id: string, grant: boolean) => api.post<unknown>(`/api/extensions/${id}/decision`, { grant }),
  deadlineSettings: (signal?: AbortSignal) => api.get<{ items: DeadlineSetting[] }>('/api/incoming-deadlines', undefined, signal),
  saveDeadlineSettings: (settings: DeadlineSetting[]) => api.put<{ items: DeadlineSetting[] }>('/api/incoming-deadlines', { settings }),
  unlinkedChanges: (signal?: AbortSignal) => api.get<{ items: ChangeRequest[] }>('/api/incoming-change-requests', undefined, signal),
  answerChange: (id: string, body: { accept: boolean; reason?: string }) => api.post<ChangeRequest>(`/api/incoming-change-requests/${id}/answer`, body),
  myWork: (signal?: AbortSignal) => api.get<{ items: WorkItem[] }>('/api/my-work', undefined, signal),
  register_: (year: number, signal?: AbortSignal) => api.get<{ register: { name: string; year: number; volume: number }; agencyName: string; lines: RegisterLine[] }>('/api/incoming-register', { year }, signal),
  notifications: (signal?: AbortSignal) => api.get<{ unread: number; items: NotificationItem[] }>('/api/notifications', undefined, signal),
  readAll: () => api.post<{ updated: number }>('/api/notifications/read', { all: true }),
};

/** Uploads one file as the raw body (the file store sniffs its content); returns its id. */
export async function uploadFile(file: File): Promise<string> {
  const csrf = getCsrfToken();
  const response = await fetch('/api/files', {
    method: 'POST', credentials: 'same-origin', body: file,
    headers: { 'x-file-name': encodeURIComponent(file.name), 'content-type': file.type || 'application/octet-stream', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
  });
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => undefined));
  return ((await response.json()) as { id: string }).id;
}

export { ApiError };

export const SIGNATURE_LABELS: Record<string, string> = {
  valid: 'Chữ ký số hợp lệ (bản gốc điện tử)',
  invalid: 'Chữ ký số không hợp lệ: chỉ dùng tham khảo',
  indeterminate: 'Chưa kiểm tra được chữ ký số',
  unsigned: 'Không có chữ ký số',
  not_checked: 'Chưa kiểm tra chữ ký số',
};

export const URGENCY_LABELS: Record<string, string> = { normal: 'Thường', urgent: 'Khẩn', very_urgent: 'Thượng khẩn', flash: 'Hỏa tốc' };
export const KIND_LABELS: Record<string, string> = { lead: 'Chủ trì', coordinating: 'Phối hợp', informed: 'Để biết' };
export const ASSIGNMENT_STATE_LABELS: Record<string, string> = { pending: 'Chưa xử lý', in_progress: 'Đang xử lý', done: 'Đã xong', returned: 'Trả lại', closed: 'Đã đóng' };
