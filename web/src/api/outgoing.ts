import { api, buildUrl, uploadFile } from './client.ts';

/** Mirrors server/entry/http/routes/outgoing/*: outgoing documents (văn bản đi). */
export interface OutgoingDocument {
  id: string;
  agencyId: string;
  state: string;
  stateLabel: string;
  typeCode: string;
  subject: string;
  urgency: string;
  draftingUnitId: string | null;
  drafterId: string;
  signerId: string | null;
  signerCapacity: string | null;
  toPlaces: string;
  replyBy: string | null;
  copies: number | null;
  mainFileId: string | null;
  attachmentFileIds: string[];
  version: number;
  reviewChain: { kind: string; userId: string; label: string }[];
  reviewStep: number;
  signedAt: string | null;
  signedFileId: string | null;
  /** Box 7c chosen for this document (points); null: the standard box on the last page. */
  signerBox: { page: number | null; x: number; y: number; width: number; height: number } | null;
  codeNumber: string | null;
  codeNotation: string | null;
  issuedDate: string | null;
  issueStep: string | null;
  finalMainFileId: string | null;
  finalMainSha256: string | null;
  finalAttachments: { fileId: string; sha256: string; name: string }[];
  packageId: string | null;
  issuedAt: string | null;
  sentAt: string | null;
  recallReason: string | null;
  recalledAt: string | null;
  updatedAt: string;
}

export interface Recipient {
  id: string;
  kind: 'agency' | 'unit' | 'paper';
  recipientAgencyId: string | null;
  unitId: string | null;
  name: string;
  organCode: string | null;
  /** Paper recipients: postal address, and when the clerk recorded the master copy as posted. */
  address: string | null;
  paperSentAt: string | null;
  /** Internal units: when the issued document reached the unit's workspace. */
  deliveredAt: string | null;
  businessStatus: string | null;
  statusAt: string | null;
  refusedReason: string | null;
  changeOpen: string | null;
  changeAnswer: string | null;
  changeAnswerReason: string | null;
  changeAnsweredAt: string | null;
}

export interface OutgoingDetail {
  document: OutgoingDocument;
  recipients: Recipient[];
  versions: { version: number; fields: Record<string, unknown>; mainFileId: string | null; attachmentFileIds: string[]; createdBy: string; createdAt: string }[];
  reviews: { version: number; step: number | null; action: string; actorName: string; comment: string | null; actedAt: string }[];
  people: Record<string, string>;
}

export interface DraftInput {
  typeCode: string;
  subject: string;
  urgency: string;
  secrecy?: string | null;
  draftingUnitId?: string | null;
  signerId: string | null;
  signerCapacity?: string | null;
  mainFileId: string | null;
  attachmentFileIds: string[];
  recipientAgencyIds: string[];
  recipientGroups: string[];
  recipientUnitIds: string[];
  /** Organisations outside the exchange: the master copy is posted to them after issue. */
  paperRecipients: { name: string; address: string }[];
  toPlaces: string;
  replyBy: string | null;
  copies: number | null;
}

export interface Tracking {
  packageId: string | null;
  recipients: {
    recipient: Recipient;
    statusName: string | null;
    delivery: { id: string; state: string; attempts: number; lastErrorCode: string | null; lastErrorMessage: string | null; deliveredAt: string | null; lastAttemptAt: string | null } | null;
    events: { statusCode: string; statusName: string; description: string | null; occurredAt: string; receivedAt: string; outcome: string }[];
  }[];
}

export interface RegisterRow {
  numberAndNotation: string;
  documentDate: string;
  typeAndSubject: string;
  signer: string;
  recipients: string;
  fileCopyHolder: string;
  copies: number | null;
  passedOnAt: string | null;
  receipt: string;
  note: string;
  documentId: string | null;
}

export const VIEWS: { view: string; label: string; anyOf: string[] }[] = [
  { view: 'mine', label: 'Dự thảo của tôi', anyOf: ['draft.create'] },
  { view: 'reviews', label: 'Chờ tôi xem xét', anyOf: ['draft.review'] },
  { view: 'to_sign', label: 'Chờ tôi ký', anyOf: ['document.sign'] },
  { view: 'to_issue', label: 'Chờ phát hành', anyOf: ['document.issue'] },
  { view: 'issued', label: 'Đã phát hành', anyOf: ['document.issue', 'document.sign', 'register.read'] },
];

export const URGENCIES = [
  { value: 'normal', label: 'Thường' },
  { value: 'urgent', label: 'Khẩn' },
  { value: 'very_urgent', label: 'Thượng khẩn' },
  { value: 'flash', label: 'Hỏa tốc' },
];

export const DELIVERY_LABELS: Record<string, string> = {
  pending: 'Chờ chuyển', sending: 'Đang chuyển', delivered: 'Đã chuyển đến', failed: 'Chuyển lỗi, đang thử lại', dead: 'Không chuyển được',
  abandoned: 'Trục đã bỏ chuyển',
};

export const findOutgoing = async (view: string, signal?: AbortSignal) => (await api.get<{ items: OutgoingDocument[] }>('/api/outgoing', { view }, signal)).items;
export const getOutgoing = (id: string, signal?: AbortSignal) => api.get<OutgoingDetail>(`/api/outgoing/${id}`, undefined, signal);
export const createDraft = (input: DraftInput) => api.post<OutgoingDocument>('/api/outgoing', input);
export const startReply = (incomingId: string) => api.post<OutgoingDocument>('/api/outgoing/replies', { incomingId });
export const updateDraft = (id: string, input: DraftInput) => api.put<OutgoingDocument>(`/api/outgoing/${id}`, input);
export const act = (id: string, action: 'submit' | 'approve' | 'return' | 'sign' | 'issue' | 'recall', body: Record<string, unknown> = {}) => api.post<OutgoingDocument>(`/api/outgoing/${id}/${action}`, body);
export const getTracking = (id: string, signal?: AbortSignal) => api.get<Tracking>(`/api/outgoing/${id}/tracking`, undefined, signal);
export const resend = (id: string, recipientId: string) => api.post<{ ok: true }>(`/api/outgoing/${id}/recipients/${recipientId}/resend`);
export const recordPaperSent = (id: string, recipientId: string) => api.post<Recipient>(`/api/outgoing/${id}/recipients/${recipientId}/paper-sent`);
export const findSigners = async (signal?: AbortSignal) => (await api.get<{ items: { id: string; fullName: string; title: string }[] }>('/api/outgoing-signers', undefined, signal)).items;
export const findDocumentTypes = (signal?: AbortSignal) => api.get<{ types: { code: string; name: string }[] }>('/api/document-types', undefined, signal);
export const getRegister = (query: Record<string, string | number | undefined>, signal?: AbortSignal) =>
  api.get<{ registerName: string; year: number; columns: string[]; rows: RegisterRow[] }>('/api/outgoing-register', query, signal);
export const registerExportUrl = (query: Record<string, string | number | undefined>, format: 'xlsx' | 'pdf') => buildUrl('/api/outgoing-register/export', { ...query, format });
export const upload = (file: File) => uploadFile<{ id: string; originalName: string; mediaType: string }>(file);

/** Mirrors server/entry/http/routes/outgoing/signing-grants.ts: signing capacities the agency grants (domain.md §5.3). */
export interface SigningGrant {
  id: string;
  userId: string;
  userName: string;
  userTitle: string;
  capacity: string;
  typeCodes: string[] | null;
  validFrom: string | null;
  validUntil: string | null;
  reference: string | null;
  createdAt: string;
  revokedAt: string | null;
}
export interface GrantInput {
  userId: string;
  capacity: string;
  typeCodes: string[] | null;
  validFrom: string | null;
  validUntil: string | null;
  reference: string | null;
}
export const findSigningGrants = async (signal?: AbortSignal) => (await api.get<{ items: SigningGrant[] }>('/api/signing-grants', undefined, signal)).items;
export const grantSigningCapacity = (input: GrantInput) => api.post<SigningGrant>('/api/signing-grants', input);
export const revokeSigningGrant = (id: string) => api.post<SigningGrant>(`/api/signing-grants/${id}/revoke`);
