import { highlight, type Segment } from '../../domain/search/highlight.ts';
import { parseQuery } from '../../domain/search/query.ts';
import type { Actor } from '../actor.ts';
import type { Suggestion } from '../ports/search-index.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { searchKeys } from './search-access.ts';

export interface SuggestDocumentsInput {
  q: string;
  agencyId?: string;
  limit?: number;
}

export interface DocumentSuggestion extends Suggestion {
  subjectSegments: Segment[];
}

export const MAX_SUGGESTIONS = 10;

/**
 * Suggestions while the person types: documents whose subject or number/notation hold every word,
 * the last one as a prefix ("quyet dinh dong d" → "Quyết định … Đồng Đăng"). Same visibility as
 * the full search. Nothing for a lone letter: it would match half the agency.
 */
export async function suggestDocuments(tx: TxPorts, actor: Actor, input: SuggestDocumentsInput): Promise<DocumentSuggestion[]> {
  const agencyId = input.agencyId ?? actor.agencyId;
  const readerKeys = searchKeys(actor, agencyId);
  const parsed = parseQuery(input.q);
  const terms = parsed.terms;
  if (terms.length === 0 || (terms.length === 1 && terms[0]!.length < 2)) return [];
  const limit = Math.min(Math.max(1, Math.trunc(input.limit ?? 8)), MAX_SUGGESTIONS);
  const found = await tx.search.suggest({ agencyId, readerKeys, terms, exactWords: parsed.exactWords, limit });
  return found.map((s) => ({ ...s, subjectSegments: highlight(s.subject, terms, { prefixLast: true }) }));
}
