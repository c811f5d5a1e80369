import type { Actor } from '../actor.ts';
import type { AgencyLevel, AgencyRecord } from '../ports/agencies.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertDirectoryRead } from './directory-access.ts';
import { codeQuery, searchTerms } from './directory-rules.ts';

export interface FindAgenciesInput {
  /** Free text, accent-insensitive: "so noi vu" finds "Sở Nội vụ"; an identifier code finds its holders. */
  q?: string;
  level?: AgencyLevel;
  parentId?: string;
  active?: boolean;
  page?: number;
  pageSize?: number;
}

export interface AgencyPage {
  items: AgencyRecord[];
  total: number;
  page: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 200;

/** Browses and searches the directory (directory.read: every member of staff). */
export async function findAgencies(tx: TxPorts, actor: Actor | null, input: FindAgenciesInput): Promise<AgencyPage> {
  assertDirectoryRead(actor);
  const pageSize = Math.min(Math.max(1, Math.trunc(input.pageSize ?? 50)), MAX_PAGE_SIZE);
  const page = Math.max(1, Math.trunc(input.page ?? 1));
  const code = codeQuery(input.q);
  const { items, total } = await tx.agencies.search({
    ...(code ? { codeContains: code } : { terms: searchTerms(input.q) }),
    ...(input.level && { level: input.level }),
    ...(input.parentId && { parentId: input.parentId }),
    ...(input.active !== undefined && { active: input.active }),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items, total, page, pageSize };
}
