import { sql, type Kysely, type RawBuilder } from 'kysely';
import type {
  SearchEntry, SearchHit, SearchIndex, SearchKind, SearchRepository, SearchRequest, Suggestion, SuggestRequest, TextJob, TextOutcome,
} from '../../../app/ports/search-index.ts';
import { pairTerms, suggestTsQuery } from '../../../domain/search/query.ts';
import { and, conditions, exactCount, rowFilter, scopedMatch, visibleTo, type Conditions } from './search-conditions.ts';
import type { DB } from '../schema.ts';

/** The number, also without its leading zeros ("05" is found by "5"), notation, type, issuer and signer: weight B. */
export function metaOf(e: SearchEntry): string {
  const number = e.codeNumber?.trim() ?? '';
  const bare = number.replace(/^0+(?=\d)/, '');
  return [number, bare !== number ? bare : '', e.codeNotation, e.documentType?.name, e.organName, e.signerName]
    .filter((v): v is string => !!v && v.trim() !== '')
    .join(' ')
    .normalize('NFC');
}

const nfc = (v: string | null | undefined): string | null => (v == null ? null : v.normalize('NFC'));

/** Body text of a file when its extraction finished, else ''. */
const bodyOf = (sha256: string | null) =>
  sha256 ? sql<string>`coalesce((SELECT body FROM search_texts WHERE sha256 = ${sha256} AND state = 'done'), '')` : sql<string>`''`;

export class PgSearchIndex implements SearchIndex {
  constructor(private readonly db: Kysely<DB>) {}

  async upsert(e: SearchEntry): Promise<void> {
    const subject = e.subject.normalize('NFC');
    const meta = metaOf(e);
    if (e.mainFileSha256) {
      await this.db.insertInto('search_texts').values({ sha256: e.mainFileSha256 }).onConflict((c) => c.column('sha256').doNothing()).execute();
    }
    const body = bodyOf(e.mainFileSha256);
    const row = {
      kind: e.kind,
      document_id: e.documentId,
      agency_id: e.agencyId,
      subject,
      code_number: e.codeNumber,
      code_notation: nfc(e.codeNotation),
      type_code: e.documentType?.code ?? null,
      type_name: nfc(e.documentType?.name),
      issued_date: e.issuedDate,
      arrival_date: e.arrivalDate,
      doc_date: e.arrivalDate ?? e.issuedDate,
      organ_name: nfc(e.organName),
      register_id: e.registerId,
      status: e.status,
      signer_name: nfc(e.signerName),
      urgency: e.urgency,
      readers: [...new Set(e.readers)],
      file_sha256: e.mainFileSha256,
      meta,
      folded: sql<string>`lt_search_folded(${subject}, ${meta}, ${body})`,
      exact: sql<string>`lt_search_exact(${subject}, ${meta}, ${body})`,
      updated_at: sql<Date>`now()`,
    };
    await this.db
      .insertInto('search_documents')
      .values(row as never)
      .onConflict((c) =>
        c.columns(['kind', 'document_id']).doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const column of Object.keys(row)) if (column !== 'kind' && column !== 'document_id') set[column] = eb.ref(`excluded.${column}` as never);
          return set as never;
        }),
      )
      .execute();
  }

  async remove(kind: SearchKind, documentId: string): Promise<void> {
    await this.db.deleteFrom('search_documents').where('kind', '=', kind).where('document_id', '=', documentId).execute();
  }
}

const HIT_COLUMNS = sql`d.kind, d.document_id, d.subject, d.code_number, d.code_notation, d.type_code, d.type_name, d.issued_date,
  d.arrival_date, d.organ_name, d.register_id, d.status, d.signer_name, d.urgency, d.file_sha256`;

interface HitRow {
  kind: SearchKind; document_id: string; subject: string; code_number: string | null; code_notation: string | null;
  type_code: string | null; type_name: string | null; issued_date: string | null; arrival_date: string | null;
  organ_name: string | null; register_id: string | null; status: string; signer_name: string | null; urgency: SearchHit['urgency'];
  text: string | null; text_state: SearchHit['textState']; rank: number; exact_words: number;
}

/** How many matches a search ranks at most (PgSearchRepository.find). */
export const MAX_CANDIDATES = 200;

/** How many matches a suggestion request looks at, at most. */
const SUGGEST_CANDIDATES = 300;

/** How many documents holding the finished words a suggestion checks for the word being typed, at most. */
const SUGGEST_SCAN = 2000;

/** How much of a file's text comes back for its snippet. */
const SNIPPET_SOURCE_CHARS = 100_000;

export class PgSearchRepository implements SearchRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async find(r: SearchRequest): Promise<{ hits: SearchHit[]; total: number; capped: boolean }> {
    const c = conditions(r);
    if (!c.words) return this.newest(r, c);
    const row = (where: RawBuilder<boolean>, hasPhrase: RawBuilder<number>) =>
      sql`SELECT ${HIT_COLUMNS}, ${c.rank} AS rank, ${c.exact} AS exact_words, ${hasPhrase} AS phrase, d.doc_date
        FROM search_documents d WHERE ${where} LIMIT ${MAX_CANDIDATES + 1}`;
    // One statement. With two words or more, the typed phrase first: its pairs' posting lists are
    // short. When it alone matches more than MAX_CANDIDATES, the page comes from those, and the
    // words step (gated by the InitPlan's count, a one-time filter) never reads the single words'
    // long lists; otherwise the words step reads at most MAX_CANDIDATES + 1 matches.
    const candidates = c.phrase
      ? sql`phrase AS MATERIALIZED (${row(and(c.phrase, c.filter), sql<number>`1`)}),
        candidates AS MATERIALIZED (
          SELECT * FROM phrase WHERE (SELECT count(*) FROM phrase) > ${MAX_CANDIDATES}
          UNION ALL
          (SELECT ${HIT_COLUMNS}, ${c.rank}, ${c.exact}, ${c.hasPhrase}, d.doc_date FROM search_documents d
            WHERE (SELECT count(*) FROM phrase) <= ${MAX_CANDIDATES} AND ${and(c.words, c.filter)} LIMIT ${MAX_CANDIDATES + 1}))`
      : sql`candidates AS MATERIALIZED (${row(and(c.words, c.filter), sql<number>`0`)})`;
    // LIMIT before ranking: the heap visit of each match, to rank and count it, is what grows with
    // the corpus. Up to MAX_CANDIDATES the page and the total are exact; beyond, the total is
    // MAX_CANDIDATES and `capped` says there are more: the person narrows the query or adds a filter.
    // The count row is there also for a page past the end.
    const rows = await sql<Partial<HitRow> & { total: number }>`
      WITH ${candidates}, page AS (
        SELECT * FROM candidates
        ORDER BY exact_words DESC, phrase DESC, rank DESC, doc_date DESC NULLS LAST, document_id
        LIMIT ${r.limit} OFFSET ${r.offset}
      )
      SELECT n.total, page.*, t.state AS text_state, CASE WHEN t.state = 'done' THEN left(t.body, ${SNIPPET_SOURCE_CHARS}) END AS text
      FROM (SELECT count(*) AS total FROM candidates) n
      LEFT JOIN page ON true
      LEFT JOIN search_texts t ON t.sha256 = page.file_sha256
      ORDER BY page.exact_words DESC, page.phrase DESC, page.rank DESC, page.doc_date DESC NULLS LAST, page.document_id`.execute(this.db);
    const total = Number(rows.rows[0]?.total ?? 0);
    const hits = rows.rows.filter((x): x is HitRow & { total: number } => x.document_id != null).map(toHit);
    const capped = total > MAX_CANDIDATES;
    return { hits, total: capped ? MAX_CANDIDATES : total, capped };
  }

  /** Filters alone: the newest documents first, counted exactly. */
  private async newest(r: SearchRequest, c: Conditions): Promise<{ hits: SearchHit[]; total: number; capped: boolean }> {
    const rows = await sql<HitRow & { total: number }>`
      WITH page AS (
        SELECT ${HIT_COLUMNS}, 0::real AS rank, ${c.exact} AS exact_words, d.doc_date, count(*) OVER () AS total
        FROM search_documents d
        WHERE ${c.base}
        ORDER BY d.doc_date DESC NULLS LAST, d.document_id
        LIMIT ${r.limit} OFFSET ${r.offset}
      )
      SELECT page.*, t.state AS text_state, CASE WHEN t.state = 'done' THEN left(t.body, ${SNIPPET_SOURCE_CHARS}) END AS text
      FROM page LEFT JOIN search_texts t ON t.sha256 = page.file_sha256
      ORDER BY page.doc_date DESC NULLS LAST, page.document_id`.execute(this.db);
    const first = rows.rows[0];
    if (first) return { hits: rows.rows.map(toHit), total: Number(first.total), capped: false };
    if (r.offset === 0) return { hits: [], total: 0, capped: false };
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM search_documents d WHERE ${c.base}`.execute(this.db);
    return { hits: [], total: Number(count.rows[0]?.n ?? 0), capped: false };
  }

  async suggest(r: SuggestRequest): Promise<Suggestion[]> {
    const query = sql`to_tsquery('simple', ${suggestTsQuery(r.terms)})`;
    const row = (match: RawBuilder<boolean>, source: RawBuilder<unknown> = sql`search_documents`) => sql`
      SELECT d.kind, d.document_id, d.subject, d.code_number, d.code_notation, d.issued_date, d.doc_date,
        ${exactCount(r.exactWords)} AS exact_words, ts_rank('{0, 0, 0.4, 1.0}', d.folded, ${query}) AS rank
      FROM ${source} d
      WHERE ${match} AND ${rowFilter(visibleTo(r.agencyId, r.readerKeys))}
      LIMIT ${SUGGEST_CANDIDATES}`;
    // The words, each anywhere in the subject or number fields (weights A and B), checked on the row.
    // The last one is still being typed: as an index condition its prefix ("t":*) unions the posting
    // lists of every word it begins (270 ms on the 1M bench), so the index looks for the finished
    // words only, and at most SUGGEST_SCAN of the documents holding them are checked for the prefix
    // (common finished words with a rare prefix would otherwise visit tens of thousands). A lone
    // word is looked for as a prefix.
    const finished = r.terms.slice(0, -1);
    const inFolded = rowFilter(sql<boolean>`d.folded @@ ${query}`);
    const words = finished.length > 0
      ? row(inFolded, sql`(SELECT * FROM search_documents d WHERE ${scopedMatch(r.agencyId, finished)} LIMIT ${SUGGEST_SCAN})`)
      : row(and(scopedMatch(r.agencyId, r.terms, true), inFolded));
    // With two words or more, the typed phrase first: its pairs, the last one a prefix ("nong_t":*,
    // 13 ms for the commonest pair prefix: pairs are far rarer than words). The words only when no
    // document holds the phrase, in the same statement.
    const candidates = r.terms.length > 1
      ? sql`phrase AS MATERIALIZED (${row(scopedMatch(r.agencyId, pairTerms(r.terms), true))}),
        c AS (SELECT * FROM phrase UNION ALL SELECT * FROM (${words}) w WHERE NOT EXISTS (SELECT 1 FROM phrase))`
      : sql`c AS (${words})`;
    // Suggestions must keep up with typing: the best few among the first SUGGEST_CANDIDATES matches.
    // A short prefix in a large agency matches tens of thousands; the next keystroke narrows it.
    const rows = await sql<{ kind: SearchKind; document_id: string; subject: string; code_number: string | null; code_notation: string | null; issued_date: string | null }>`
      WITH ${candidates}
      SELECT c.kind, c.document_id, c.subject, c.code_number, c.code_notation, c.issued_date FROM c
      ORDER BY c.exact_words DESC, c.rank DESC, c.doc_date DESC NULLS LAST, c.document_id
      LIMIT ${r.limit}`.execute(this.db);
    return rows.rows.map((x) => ({
      kind: x.kind, documentId: x.document_id, subject: x.subject, codeNumber: x.code_number, codeNotation: x.code_notation, issuedDate: day(x.issued_date),
    }));
  }

  async claimTexts(limit: number, staleBefore: Date): Promise<TextJob[]> {
    const rows = await sql<{ sha256: string; attempts: number }>`
      UPDATE search_texts SET state = 'working', claimed_at = now(), attempts = attempts + 1, updated_at = now()
      WHERE sha256 IN (
        SELECT sha256 FROM search_texts
        WHERE state = 'pending' OR (state = 'working' AND claimed_at < ${staleBefore})
        ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING sha256, attempts`.execute(this.db);
    return rows.rows.map((x) => ({ sha256: x.sha256, attempts: Number(x.attempts) }));
  }

  async saveText(sha256: string, outcome: TextOutcome): Promise<void> {
    const body = outcome.state === 'done' ? outcome.body : null;
    await this.db
      .updateTable('search_texts')
      .set({
        state: outcome.state,
        method: outcome.state === 'done' ? outcome.method : null,
        body,
        note: outcome.state === 'done' ? null : outcome.note,
        claimed_at: null,
        updated_at: sql<Date>`now()`,
      })
      .where('sha256', '=', sha256)
      .execute();
    if (body === null) return;
    await sql`UPDATE search_documents SET folded = lt_search_folded(subject, meta, ${body}), exact = lt_search_exact(subject, meta, ${body}), updated_at = now()
      WHERE file_sha256 = ${sha256}`.execute(this.db);
  }

  async releaseText(sha256: string, note: string): Promise<void> {
    await this.db.updateTable('search_texts').set({ state: 'pending', note, claimed_at: null, updated_at: sql<Date>`now()` }).where('sha256', '=', sha256).execute();
  }
}

function day(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return new Date(value.getTime() - value.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
  return String(value).slice(0, 10);
}

function toHit(x: HitRow): SearchHit {
  return {
    kind: x.kind, documentId: x.document_id, subject: x.subject, codeNumber: x.code_number, codeNotation: x.code_notation,
    typeCode: x.type_code, typeName: x.type_name, issuedDate: day(x.issued_date), arrivalDate: day(x.arrival_date),
    organName: x.organ_name, registerId: x.register_id, status: x.status, signerName: x.signer_name, urgency: x.urgency,
    text: x.text, textState: x.text_state, rank: Number(x.rank), exactWords: Number(x.exact_words),
  };
}
