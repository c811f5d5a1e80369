import type { Urgency } from '../../domain/document/urgency.ts';
import type { ReaderKey } from '../../domain/search/readers.ts';

export type SearchKind = 'outgoing' | 'incoming';

/**
 * What the outgoing and incoming modules tell the search index about one document, each time the
 * document changes, inside the same transaction (`tx.searchIndex.upsert(entry)` in `uow.run`).
 * Contract: server/app/search/README.md.
 */
export interface SearchEntry {
  agencyId: string;
  kind: SearchKind;
  documentId: string;
  /** Trích yếu. */
  subject: string;
  codeNumber: string | null;
  codeNotation: string | null;
  /** Code of the catalogue (domain/document/document-types.ts: 'decision', 'official_letter' …) and its name. */
  documentType: { code: string; name: string } | null;
  /** YYYY-MM-DD (Vietnam date). */
  issuedDate: string | null;
  /** Incoming only: the registration's arrival date, YYYY-MM-DD. */
  arrivalDate: string | null;
  /** Issuer (incoming: the sender; outgoing: the own agency or the issuing body). */
  organName: string | null;
  registerId: string | null;
  /** The document's state (OutgoingState or IncomingState). */
  status: string;
  signerName: string | null;
  urgency: Urgency;
  /** Who inside the agency may find it (domain/search/readers.ts: documentReaders builds them). Empty: nobody. */
  readers: ReaderKey[];
  /** SHA-256 of the main file (a PDF in the FileStore) whose text a background job extracts; null when none. */
  mainFileSha256: string | null;
}

/** The write side, for the document modules. */
export interface SearchIndex {
  /** Adds or replaces the entry of (kind, documentId). Queues the main file's text extraction once per file. */
  upsert(entry: SearchEntry): Promise<void>;
  /** Takes the entry out (a withdrawn draft, a deleted document); no error when absent. */
  remove(kind: SearchKind, documentId: string): Promise<void>;
}

export interface SearchFilters {
  kind?: SearchKind;
  typeCode?: string;
  /** Issue date range, inclusive, YYYY-MM-DD. */
  issuedFrom?: string;
  issuedTo?: string;
  /** Folded words that the issuer/sender name must contain. */
  organTerms?: string[];
  registerId?: string;
  status?: string;
  /** Folded words that the signer's name must contain. */
  signerTerms?: string[];
  urgency?: Urgency;
}

export interface SearchRequest extends SearchFilters {
  agencyId: string;
  /** The acting user's keys in that agency; never empty (the use case refuses before). */
  readerKeys: ReaderKey[];
  /** Folded words, all required. Empty: the newest documents matching the filters. */
  terms: string[];
  /** Words typed with diacritics, for ranking exact matches first. */
  exactWords: string[];
  limit: number;
  offset: number;
}

export interface SearchHit {
  kind: SearchKind;
  documentId: string;
  subject: string;
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
  urgency: Urgency;
  /** The file's extracted text (first part), for the snippet; null when none yet. */
  text: string | null;
  textState: TextState | null;
  rank: number;
  exactWords: number;
}

export type TextState = 'pending' | 'working' | 'done' | 'no_text' | 'failed';

export interface SuggestRequest {
  agencyId: string;
  readerKeys: ReaderKey[];
  terms: string[];
  exactWords: string[];
  limit: number;
}

export interface Suggestion {
  kind: SearchKind;
  documentId: string;
  subject: string;
  codeNumber: string | null;
  codeNotation: string | null;
  issuedDate: string | null;
}

export interface TextJob {
  sha256: string;
  attempts: number;
}

export type TextOutcome =
  | { state: 'done'; method: 'pdftotext' | 'ocr'; body: string }
  | { state: 'no_text'; note: string }
  | { state: 'failed'; note: string };

/** The read side and the text-extraction queue, for the search use cases. */
export interface SearchRepository {
  /** One page of ranked matches and the number of all matches. */
  /**
   * One ranked page and the number of matches. A search ranks a bounded number of matches (the
   * adapter's limit): beyond it `total` is that limit and `capped` is true ("more than").
   */
  find(request: SearchRequest): Promise<{ hits: SearchHit[]; total: number; capped: boolean }>;
  suggest(request: SuggestRequest): Promise<Suggestion[]>;
  /** Claims up to `limit` files waiting for text (or stuck in work since `staleBefore`), skipping those another node holds. */
  claimTexts(limit: number, staleBefore: Date): Promise<TextJob[]>;
  /** Records an extraction's outcome and re-indexes every document whose main file it is. */
  saveText(sha256: string, outcome: TextOutcome): Promise<void>;
  /** Puts a claimed file back in the queue after a passing failure. */
  releaseText(sha256: string, note: string): Promise<void>;
}
