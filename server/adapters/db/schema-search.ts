import type { Generated } from 'kysely';
import type { TimestampDefault, TimestampNull, DateOnly } from './schema-columns.ts';

/** 20261202500000-search-index: the search index (app/search/README.md). */
export interface SearchDocumentsTable {
  kind: 'outgoing' | 'incoming';
  document_id: string;
  agency_id: string;
  subject: string;
  code_number: string | null;
  code_notation: string | null;
  type_code: string | null;
  type_name: string | null;
  issued_date: DateOnly | null;
  arrival_date: DateOnly | null;
  doc_date: DateOnly | null;
  organ_name: string | null;
  register_id: string | null;
  status: string;
  signer_name: string | null;
  urgency: 'normal' | 'urgent' | 'very_urgent' | 'flash';
  readers: string[];
  file_sha256: string | null;
  meta: string;
  /** tsvectors, written only through the SQL functions lt_search_folded / lt_search_exact. */
  folded: string;
  exact: string;
  updated_at: TimestampDefault;
}

export interface SearchTextsTable {
  sha256: string;
  state: Generated<'pending' | 'working' | 'done' | 'no_text' | 'failed'>;
  method: 'pdftotext' | 'ocr' | null;
  body: string | null;
  note: string | null;
  attempts: Generated<number>;
  claimed_at: TimestampNull;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}
