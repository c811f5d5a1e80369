import { api } from './client.ts';

/** Contract: server/entry/http/routes/search/*.ts (search-schemas.ts holds the shapes). */
export interface Segment {
  text: string;
  hit: boolean;
}

export type TextState = 'pending' | 'working' | 'done' | 'no_text' | 'failed' | null;

export interface SearchResult {
  kind: 'outgoing' | 'incoming';
  documentId: string;
  subject: string;
  subjectSegments: Segment[];
  textSnippet: Segment[] | null;
  textState: TextState;
  codeNumber: string | null;
  codeNotation: string | null;
  typeCode: string | null;
  typeName: string | null;
  issuedDate: string | null;
  arrivalDate: string | null;
  organName: string | null;
  registerId: string | null;
  status: string;
  signerName: string | null;
  urgency: 'normal' | 'urgent' | 'very_urgent' | 'flash';
}

export interface SearchPage {
  items: SearchResult[];
  total: number;
  /** More documents match than a search ranks: total is a lower bound. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export interface Suggestion {
  kind: 'outgoing' | 'incoming';
  documentId: string;
  subject: string;
  subjectSegments: Segment[];
  codeNumber: string | null;
  codeNotation: string | null;
  issuedDate: string | null;
}

export interface SearchQuery {
  q?: string;
  kind?: string;
  type?: string;
  issuedFrom?: string;
  issuedTo?: string;
  organ?: string;
  register?: string;
  status?: string;
  signer?: string;
  urgency?: string;
  page?: number;
}

export function searchDocuments(query: SearchQuery, signal?: AbortSignal): Promise<SearchPage> {
  return api.get<SearchPage>('/api/search', { ...query }, signal);
}

export async function suggestDocuments(q: string, signal?: AbortSignal): Promise<Suggestion[]> {
  return (await api.get<{ items: Suggestion[] }>('/api/search/suggest', { q }, signal)).items;
}

export interface DocumentTypeCatalogue {
  types: { code: string; name: string }[];
  urgencies: { code: string; name: string }[];
}

export function findDocumentTypes(signal?: AbortSignal): Promise<DocumentTypeCatalogue> {
  return api.get<DocumentTypeCatalogue>('/api/document-types', undefined, signal);
}

export const KIND_LABELS: Record<string, string> = { outgoing: 'Văn bản đi', incoming: 'Văn bản đến' };

/** The states of domain.md §7.1 and §8.1, as the server's state machines label them. */
export const STATUS_LABELS: Record<string, string> = {
  drafting: 'Đang soạn thảo', in_review: 'Đang xem xét', awaiting_signature: 'Chờ ký', returned: 'Bị trả lại', withdrawn: 'Đã hủy dự thảo',
  signed: 'Đã ký', issuing: 'Đang phát hành', issued: 'Đã phát hành', updated: 'Đã cập nhật', recalled: 'Đã thu hồi', replaced: 'Đã bị thay thế',
  arrived: 'Đã đến', refused: 'Đã từ chối tiếp nhận', registered: 'Đã vào sổ', awaiting_direction: 'Chờ chỉ đạo', assigned: 'Đã phân công',
  in_progress: 'Đang xử lý', finished: 'Đã hoàn thành', filed_for_information: 'Lưu để biết', cancelled: 'Đã hủy (thu hồi)',
};
