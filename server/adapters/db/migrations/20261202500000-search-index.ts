import { sql, type Kysely } from 'kysely';

/**
 * The search index (server/app/search/README.md): one row per outgoing or incoming document, written
 * by the document modules in their own transactions, and the text extracted from main files, keyed by
 * the file's SHA-256 so a file shared by a sender and its receivers is read once.
 *
 * Matching runs on `folded`, a tsvector of text folded by lt_fold (unaccent + đ) to [a-z0-9] words:
 * "quyet dinh dong dang" finds "Quyết định … Đồng Đăng". `exact` keeps the words as written (lower
 * case) only to rank documents with the very diacritics typed first; it is never searched by index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Lets one GIN index hold the agency next to the words: a search is always within one agency.
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gin`.execute(db);

  await sql`CREATE OR REPLACE FUNCTION lt_search_words(input text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT regexp_replace(lt_fold(coalesce(input, '')), '[^a-z0-9]+', ' ', 'g') $$`.execute(db);
  // Subject weighs A, number/notation/type/issuer/signer B, the file's text D (first 300,000 characters).
  await sql`CREATE OR REPLACE FUNCTION lt_search_folded(subject text, meta text, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT setweight(to_tsvector('simple'::regconfig, lt_search_words(subject)), 'A')
              || setweight(to_tsvector('simple'::regconfig, lt_search_words(meta)), 'B')
              || setweight(to_tsvector('simple'::regconfig, lt_search_words(left(coalesce(body, ''), 300000))), 'D') $$`.execute(db);
  // ASCII punctuation becomes spaces, so "15/QĐ-UBND" gives the words 15, qđ, ubnd as typed.
  await sql`CREATE OR REPLACE FUNCTION lt_search_exact(subject text, meta text, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT to_tsvector('simple'::regconfig, regexp_replace(lower(coalesce(subject, '') || ' ' || coalesce(meta, '') || ' ' || left(coalesce(body, ''), 300000)), '[!-/:-@[-\x60{-~]+', ' ', 'g')) $$`.execute(db);

  await sql`CREATE TABLE search_texts (
    sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','working','done','no_text','failed')),
    method text CHECK (method IN ('pdftotext','ocr')),
    body text,
    note text,
    attempts integer NOT NULL DEFAULT 0,
    claimed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((state = 'done') = (body IS NOT NULL))
  )`.execute(db);
  await sql`CREATE INDEX search_texts_todo_idx ON search_texts (created_at) WHERE state IN ('pending','working')`.execute(db);

  await sql`CREATE TABLE search_documents (
    kind text NOT NULL CHECK (kind IN ('outgoing','incoming')),
    document_id uuid NOT NULL,
    agency_id uuid NOT NULL REFERENCES agencies(id),
    subject text NOT NULL,
    code_number text,
    code_notation text,
    type_code text,
    type_name text,
    issued_date date,
    arrival_date date,
    doc_date date,
    organ_name text,
    register_id uuid,
    status text NOT NULL,
    signer_name text,
    urgency text NOT NULL CHECK (urgency IN ('normal','urgent','very_urgent','flash')),
    readers text[] NOT NULL,
    file_sha256 text CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
    meta text NOT NULL,
    folded tsvector NOT NULL,
    exact tsvector NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, document_id)
  )`.execute(db);
  await sql`CREATE INDEX search_documents_words_idx ON search_documents USING gin (agency_id, folded)`.execute(db);
  await sql`CREATE INDEX search_documents_agency_date_idx ON search_documents (agency_id, doc_date DESC)`.execute(db);
  await sql`CREATE INDEX search_documents_file_idx ON search_documents (file_sha256) WHERE file_sha256 IS NOT NULL`.execute(db);
  await sql`CREATE INDEX search_documents_organ_trgm ON search_documents USING gin (lt_fold(organ_name) gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX search_documents_signer_trgm ON search_documents USING gin (lt_fold(signer_name) gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS search_documents`.execute(db);
  await sql`DROP TABLE IF EXISTS search_texts`.execute(db);
  await sql`DROP FUNCTION IF EXISTS lt_search_exact(text, text, text)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS lt_search_folded(text, text, text)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS lt_search_words(text)`.execute(db);
}
