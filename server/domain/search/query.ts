/**
 * How a typed search query becomes what the index matches (search_documents, see
 * server/app/search/README.md). Pure: no database here.
 *
 * Matching is accent-insensitive: every word is folded to plain ASCII the way the SQL function
 * `lt_fold` folds the stored text ("Quyết định" → "quyet dinh", "Đ" → "d"). Words typed WITH
 * diacritics are also kept as typed (lower case, NFC) so that documents containing exactly those
 * words rank first.
 */

const COMBINING = /[\u0300-\u036f]/g;

/** One character folded to lower-case ASCII (Vietnamese letters; others lower-cased). */
function foldChar(ch: string): string {
  if (ch === 'đ' || ch === 'Đ') return 'd';
  return ch.normalize('NFD').replace(COMBINING, '').toLowerCase();
}

/** Folds Vietnamese to plain lower-case ASCII, as the SQL function lt_fold does. */
export function fold(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) out += foldChar(ch);
  return out;
}

/**
 * Folds character by character, keeping one output character per input character (NFC), so a
 * match found in the folded text has the same offsets in the original: snippets highlight the
 * original words with their diacritics.
 */
export function foldAligned(text: string): { original: string; folded: string } {
  const chars = Array.from(text.normalize('NFC'));
  const original: string[] = [];
  const folded: string[] = [];
  for (const ch of chars) {
    const f = foldChar(ch);
    // A character that folds to nothing or several (rare symbols) is kept as a placeholder of one.
    original.push(ch);
    folded.push(f.length === 1 ? f : ' ');
  }
  return { original: original.join(''), folded: folded.join('') };
}

// Vietnamese words are syllables: 16 is about a sentence-long subject.
export const MAX_TERMS = 16;
export const MAX_TERM_LENGTH = 40;

export interface SearchQuery {
  /** Folded words, [a-z0-9]+ only (safe inside a tsquery literal). */
  terms: string[];
  /** Words typed with diacritics, lower-case NFC, for exact-match ranking. */
  exactWords: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Splits a query into at most MAX_TERMS words; empty when nothing searchable was typed. */
export function parseQuery(input: string): SearchQuery {
  const words = (input.normalize('NFC').toLowerCase().match(WORD) ?? []).slice(0, MAX_TERMS);
  const terms: string[] = [];
  const exactWords: string[] = [];
  for (const word of words) {
    const folded = fold(word).replace(/[^a-z0-9]+/g, '').slice(0, MAX_TERM_LENGTH);
    if (folded === '') continue;
    if (!terms.includes(folded)) terms.push(folded);
    // A word whose folding changed it carries diacritics (or đ): it asks for an exact match.
    if (folded !== word && /^[\p{L}\p{N}]+$/u.test(word) && !exactWords.includes(word)) exactWords.push(word.slice(0, MAX_TERM_LENGTH));
  }
  return { terms, exactWords };
}

/** A tsquery that needs every term ('simple' configuration over folded text). */
export function allTermsTsQuery(terms: readonly string[]): string {
  return terms.map((t) => `'${t}'`).join(' & ');
}

/**
 * The suggestion query: every term in the subject or number/notation fields (weights A and B of
 * the index), the last one as a prefix since the person is still typing it.
 */
export function suggestTsQuery(terms: readonly string[]): string {
  return terms.map((t, i) => (i === terms.length - 1 ? `'${t}':*AB` : `'${t}':AB`)).join(' & ');
}

/**
 * The adjacent pairs of the query's words as index lexemes ("cong_tac"): the index holds the pairs
 * of every subject and metadata field, so all pairs of a query find exactly the documents holding
 * the typed phrase there, through short posting lists. Empty for fewer than two words.
 */
export function pairTerms(terms: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < terms.length; i++) pairs.push(`${terms[i]}_${terms[i + 1]}`);
  return pairs;
}

/** A tsquery (cast with ::tsquery, never parsed by to_tsquery, which would split at `_`) needing every pair. */
export function pairsTsQuery(terms: readonly string[]): string {
  return pairTerms(terms).map((p) => `'${p}'`).join(' & ');
}
