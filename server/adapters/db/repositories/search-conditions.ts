import { sql, type RawBuilder } from 'kysely';
import type { SearchRequest } from '../../../app/ports/search-index.ts';
import { allTermsTsQuery, pairsTsQuery, pairTerms } from '../../../domain/search/query.ts';

/**
 * The WHERE parts of a search (PgSearchRepository.find and .suggest). Words and word pairs are
 * matched through the agency-scoped index (migration 20261204400000-search-agency-lexemes): the
 * lexemes of `folded` prefixed by the agency's scope, the same as SQL `lt_search_scope(agency_id)`.
 */
export function scopeOf(agencyId: string): string {
  return `${agencyId.replace(/-/g, '').slice(0, 8).toLowerCase()}:`;
}

/**
 * A tsquery needing every lexeme with the agency's scope (cast with ::tsquery: to_tsquery would split
 * at ':' and '_'), the last one as a prefix when `prefixLast`. Lexemes are [a-z0-9_]+ (query.ts).
 */
export function scopedTsQuery(agencyId: string, lexemes: readonly string[], prefixLast = false): string {
  const scope = scopeOf(agencyId);
  return lexemes.map((l, i) => `'${scope}${l}'${prefixLast && i === lexemes.length - 1 ? ':*' : ''}`).join(' & ');
}

/** The index condition: every lexeme, in the agency's scoped index. */
export function scopedMatch(agencyId: string, lexemes: readonly string[], prefixLast = false): RawBuilder<boolean> {
  return sql<boolean>`lt_search_scoped(d.agency_id, d.folded) @@ ${scopedTsQuery(agencyId, lexemes, prefixLast)}::tsquery`;
}

export function keysArray(keys: readonly string[]): RawBuilder<string[]> {
  return sql<string[]>`${[...keys]}::text[]`;
}

/** The agency and the reader keys: never left out of any search. */
export function visibleTo(agencyId: string, readerKeys: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`d.agency_id = ${agencyId}::uuid AND d.readers && ${keysArray(readerKeys)}`;
}

/**
 * A condition checked on the rows the words' index found, never used to find them: the planner
 * otherwise ANDs the word bitmap with the bitmap of the agency's 250,000 entries of
 * (agency_id, doc_date) in the 1M bench (68 ms of the 74 ms of "cong tac"), or with the sender
 * trigram index. `IS TRUE` keeps the meaning (the columns it reads are NOT NULL, or NULL is false
 * anyway) and is not an indexable form.
 */
export function rowFilter(condition: RawBuilder<boolean>): RawBuilder<boolean> {
  return sql<boolean>`(${condition}) IS TRUE`;
}

export interface Conditions {
  /** Agency, readers and filters: everything but the words (the filters-only search's index condition). */
  base: RawBuilder<boolean>;
  /** The same, checked on each row found through the words: never an index condition (see `rowFilter`). */
  filter: RawBuilder<boolean>;
  /** Every word (folded), through the scoped index. */
  words: RawBuilder<boolean> | null;
  /** Every adjacent pair of words, through the scoped index: the typed phrase in the subject or metadata (two words or more). */
  phrase: RawBuilder<boolean> | null;
  /** 1 when the row holds the typed phrase (read on the row, for ranking). */
  hasPhrase: RawBuilder<number>;
  rank: RawBuilder<number>;
  exact: RawBuilder<number>;
}

/**
 * Every filter word inside the folded column. Folded filter words are [a-z0-9]+ (the use case folds
 * them), so they hold no LIKE wildcard; LIKE ALL folds the column once per row, not once per word.
 */
function containsAll(column: RawBuilder<string>, terms: readonly string[] | undefined): RawBuilder<boolean>[] {
  if (!terms || terms.length === 0) return [];
  return [sql<boolean>`lt_fold(${column}) LIKE ALL (${terms.map((t) => `%${t}%`)}::text[])`];
}

export function conditions(r: SearchRequest): Conditions {
  // Words are the index condition; agency, readers and filters are checked on each match read, and a
  // search reads at most MAX_CANDIDATES + 1 of them.
  const conds: RawBuilder<boolean>[] = [visibleTo(r.agencyId, r.readerKeys)];
  if (r.kind) conds.push(sql`d.kind = ${r.kind}`);
  if (r.typeCode) conds.push(sql`d.type_code = ${r.typeCode}`);
  if (r.issuedFrom) conds.push(sql`d.issued_date >= ${r.issuedFrom}::date`);
  if (r.issuedTo) conds.push(sql`d.issued_date <= ${r.issuedTo}::date`);
  if (r.registerId) conds.push(sql`d.register_id = ${r.registerId}::uuid`);
  if (r.status) conds.push(sql`d.status = ${r.status}`);
  if (r.urgency) conds.push(sql`d.urgency = ${r.urgency}`);
  conds.push(...containsAll(sql`d.organ_name`, r.organTerms), ...containsAll(sql`d.signer_name`, r.signerTerms));
  const query = sql`to_tsquery('simple', ${allTermsTsQuery(r.terms)})`;
  const base = sql<boolean>`${sql.join(conds, sql` AND `)}`;
  return {
    base,
    filter: rowFilter(base),
    words: r.terms.length > 0 ? scopedMatch(r.agencyId, r.terms) : null,
    phrase: r.terms.length > 1 ? scopedMatch(r.agencyId, pairTerms(r.terms)) : null,
    hasPhrase: r.terms.length > 1 ? sql<number>`(d.folded @@ ${pairsTsQuery(r.terms)}::tsquery)::int` : sql<number>`0::int`,
    rank: r.terms.length > 0 ? sql<number>`ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', d.folded, ${query})` : sql<number>`0::real`,
    exact: exactCount(r.exactWords),
  };
}

export const and = (...parts: (RawBuilder<boolean> | null)[]): RawBuilder<boolean> =>
  sql<boolean>`${sql.join(parts.filter((p): p is RawBuilder<boolean> => p !== null), sql` AND `)}`;

/** How many of the words typed with diacritics the document holds exactly as typed. */
export function exactCount(words: readonly string[]): RawBuilder<number> {
  if (words.length === 0) return sql<number>`0::int`; // a bare 0 in ORDER BY would mean "column 0"
  // Words are letters and digits only (domain/search/query.ts), safe as tsquery literals.
  return sql<number>`(${sql.join(words.map((w) => sql`(d.exact @@ to_tsquery('simple', ${`'${w}'`}))::int`), sql` + `)})`;
}
