import { sql, type Kysely } from 'kysely';

/**
 * Search at a million documents (bench/search/README.md). EXPLAIN ANALYZE on the 1M corpus showed two
 * costs, both proportional to the number of matches, not to the page: the GIN scan decoding the long
 * posting lists of common syllables ("cong", "tac", "phong" occur in a large share of subjects), and
 * the heap visit of every match to check the readers, rank it and count it (10,720 matches of
 * "cong tac" in one agency: 96 ms in the index, 1.7 s in the heap with a cold cache).
 *
 * 1. `folded` also holds the adjacent pairs of folded words of the subject and of the metadata
 *    ("cong_tac", "tac_phong"; `_` never occurs in a folded word). A multi-word query first asks for
 *    its pairs: one short posting list each, and exactly the documents holding the typed phrase,
 *    which rank first anyway. Pairs carry no position, so they never change ts_rank_cd's figures,
 *    which only look at the single words of the query. The file's text gives no pairs (it would
 *    multiply the index by its length): text matches are found through the words.
 * 2. The repository reads at most a bounded number of matches per query (PgSearchRepository.find),
 *    checking the readers on each as it reads it. Tried and left: the readers as a third column of
 *    the GIN index. "role:clerk" is in most entries, so its posting list is as long as the agency's;
 *    on the 1M corpus the bitmap scan took 2–3 times longer ("chuyen doi so": 128 ms against 69 ms,
 *    "cong tac phong thanh dong": 421 against 132 ms, same session, load average ~20).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE OR REPLACE FUNCTION lt_search_pairs(input text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce(array_agg(p.first || '_' || p.second), '{}'::text[]) FROM (
            SELECT w AS first, lead(w) OVER (ORDER BY i) AS second
            FROM unnest(string_to_array(btrim(lt_search_words(input)), ' ')) WITH ORDINALITY AS u(w, i)) p
          WHERE p.second IS NOT NULL AND p.first <> '' $$`.execute(db);
  await sql`CREATE OR REPLACE FUNCTION lt_search_folded(subject text, meta text, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT setweight(to_tsvector('simple'::regconfig, lt_search_words(subject)), 'A')
              || setweight(to_tsvector('simple'::regconfig, lt_search_words(meta)), 'B')
              || setweight(to_tsvector('simple'::regconfig, lt_search_words(left(coalesce(body, ''), 300000))), 'D')
              || array_to_tsvector(lt_search_pairs(subject) || lt_search_pairs(meta)) $$`.execute(db);

  await sql`DROP INDEX IF EXISTS search_documents_words_idx`.execute(db);
  await sql`UPDATE search_documents d SET folded = lt_search_folded(d.subject, d.meta,
    coalesce((SELECT t.body FROM search_texts t WHERE t.sha256 = d.file_sha256 AND t.state = 'done'), ''))`.execute(db);
  await sql`CREATE INDEX search_documents_words_idx ON search_documents USING gin (agency_id, folded)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS search_documents_words_idx`.execute(db);
  await sql`CREATE OR REPLACE FUNCTION lt_search_folded(subject text, meta text, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT setweight(to_tsvector('simple'::regconfig, lt_search_words(subject)), 'A')
              || setweight(to_tsvector('simple'::regconfig, lt_search_words(meta)), 'B')
              || setweight(to_tsvector('simple'::regconfig, lt_search_words(left(coalesce(body, ''), 300000))), 'D') $$`.execute(db);
  await sql`UPDATE search_documents d SET folded = lt_search_folded(d.subject, d.meta,
    coalesce((SELECT t.body FROM search_texts t WHERE t.sha256 = d.file_sha256 AND t.state = 'done'), ''))`.execute(db);
  await sql`CREATE INDEX search_documents_words_idx ON search_documents USING gin (agency_id, folded)`.execute(db);
  await sql`DROP FUNCTION IF EXISTS lt_search_pairs(text)`.execute(db);
}
