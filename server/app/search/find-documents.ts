import { URGENCIES, type Urgency } from '../../domain/document/urgency.ts';
import { highlight, snippet, type Segment } from '../../domain/search/highlight.ts';
import { parseQuery } from '../../domain/search/query.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { SearchFilters, SearchHit, SearchKind } from '../ports/search-index.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { searchKeys } from './search-access.ts';
import { filterTerms, isStatus, validDate } from './search-input.ts';

export interface FindDocumentsInput {
  /** Free text: "quyet dinh dong dang" finds "Quyết định … Đồng Đăng"; diacritics typed rank exact matches first. */
  q?: string;
  /** Home agency by default; an agency the actor's agency serves (domain.md §3) when given. */
  agencyId?: string;
  kind?: SearchKind;
  typeCode?: string;
  issuedFrom?: string;
  issuedTo?: string;
  organ?: string;
  registerId?: string;
  status?: string;
  signer?: string;
  urgency?: string;
  page?: number;
  pageSize?: number;
}

export interface DocumentResult extends Omit<SearchHit, 'text' | 'rank' | 'exactWords'> {
  subjectSegments: Segment[];
  /** A window of the main file's text around the matching words, when they occur there. */
  textSnippet: Segment[] | null;
}

export interface DocumentPage {
  items: DocumentResult[];
  total: number;
  /** True when more documents match than a search ranks: `total` is then a lower bound. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 50;

/**
 * Searches the documents of one agency that the actor may see (deny by default: the entry's
 * reader keys must meet the actor's), ranked, with highlighted snippets.
 */
export async function findDocuments(tx: TxPorts, actor: Actor, input: FindDocumentsInput): Promise<DocumentPage> {
  const agencyId = input.agencyId ?? actor.agencyId;
  const readerKeys = searchKeys(actor, agencyId);
  const filters = readFilters(input);
  const { terms, exactWords } = parseQuery(input.q ?? '');
  const pageSize = Math.min(Math.max(1, Math.trunc(input.pageSize ?? 10)), MAX_PAGE_SIZE);
  const page = Math.max(1, Math.trunc(input.page ?? 1));
  const { hits, total, capped } = await tx.search.find({ ...filters, agencyId, readerKeys, terms, exactWords, limit: pageSize, offset: (page - 1) * pageSize });
  const items = hits.map(({ text, rank: _rank, exactWords: _exact, ...hit }) => ({
    ...hit,
    subjectSegments: highlight(hit.subject, terms),
    textSnippet: text && terms.length > 0 ? (snippet(text, terms) ?? null) : null,
  }));
  return { items, total, totalCapped: capped, page, pageSize };
}

function readFilters(input: FindDocumentsInput): SearchFilters {
  const f: SearchFilters = {};
  if (input.kind) f.kind = input.kind;
  if (input.typeCode) f.typeCode = input.typeCode;
  if (input.issuedFrom) f.issuedFrom = validDate(input.issuedFrom, 'issuedFrom');
  if (input.issuedTo) f.issuedTo = validDate(input.issuedTo, 'issuedTo');
  if (f.issuedFrom && f.issuedTo && f.issuedFrom > f.issuedTo) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.', { field: 'issuedFrom' });
  }
  if (input.registerId) f.registerId = input.registerId;
  if (input.status) {
    if (!isStatus(input.status)) throw new AppError(ErrorCode.VALIDATION_FAILED, `Trạng thái "${input.status}" không có.`, { field: 'status' });
    f.status = input.status;
  }
  if (input.urgency) {
    if (!(URGENCIES as readonly string[]).includes(input.urgency)) throw new AppError(ErrorCode.VALIDATION_FAILED, `Độ khẩn "${input.urgency}" không có.`, { field: 'urgency' });
    f.urgency = input.urgency as Urgency;
  }
  const organ = filterTerms(input.organ);
  if (organ.length > 0) f.organTerms = organ;
  const signer = filterTerms(input.signer);
  if (signer.length > 0) f.signerTerms = signer;
  return f;
}
