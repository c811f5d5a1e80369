import { sql, type Kysely } from 'kysely';

/**
 * Agency-scoped lexemes (bench/search/README.md, 4 December 2026). The GIN index on
 * (agency_id, folded) answered a search by intersecting the word lists with the agency's own key,
 * whose posting list holds every document of the agency (250,000 in the 1M bench), and the words'
 * lists of all agencies: "cong" alone is in a large share of all subjects of the province.
 *
 * The index is now on `lt_search_scoped(agency_id, folded)`: every lexeme of `folded` (words and
 * word pairs) prefixed by the agency's scope, the first 8 hex digits of its id ("3fa85f64:cong").
 * A search asks for its words with that prefix: each posting list holds one agency's documents
 * only, and no agency list is read. Two agencies sharing a scope (1 in 4 billion per pair) only
 * make their lists longer: the query still checks `agency_id`, readers and `folded` on each row.
 * The scoped vector has no positions or weights; ranking and weight-restricted matches (suggestions
 * look at the subject and number only) keep reading `folded` on the rows found.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE OR REPLACE FUNCTION lt_search_scope(agency uuid) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT left(replace(agency::text, '-', ''), 8) || ':' $$`.execute(db);
  await sql`CREATE OR REPLACE FUNCTION lt_search_scoped(agency uuid, folded tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_to_tsvector(array(SELECT public.lt_search_scope(agency) || l FROM unnest(tsvector_to_array(folded)) AS l)) $$`.execute(db);
  await sql`DROP INDEX IF EXISTS search_documents_words_idx`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS search_documents_scoped_idx ON search_documents USING gin (lt_search_scoped(agency_id, folded))`.execute(db);
  // An expression index has its own statistics: without them the planner guesses its selectivity.
  await sql`ANALYZE search_documents`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS search_documents_scoped_idx`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS search_documents_words_idx ON search_documents USING gin (agency_id, folded)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS lt_search_scoped(uuid, tsvector)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS lt_search_scope(uuid)`.execute(db);
}
