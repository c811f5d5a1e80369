import type { Agency } from '../../api/agencies.ts';

export interface TreeRow {
  agency: Agency;
  depth: number;
}

/**
 * Orders agencies as the province's tree (parents before their children, siblings by name) so a
 * table can show the hierarchy by indentation. Agencies whose parent is not in the list are roots.
 */
export function treeOrder(agencies: Agency[]): TreeRow[] {
  const ids = new Set(agencies.map((a) => a.id));
  const children = new Map<string | null, Agency[]>();
  for (const a of agencies) {
    const key = a.parentId && ids.has(a.parentId) ? a.parentId : null;
    const list = children.get(key) ?? [];
    list.push(a);
    children.set(key, list);
  }
  const collator = new Intl.Collator('vi');
  for (const list of children.values()) list.sort((x, y) => collator.compare(x.name, y.name));
  const out: TreeRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const a of children.get(parent) ?? []) {
      if (seen.has(a.id)) continue;
      seen.add(a.id);
      out.push({ agency: a, depth });
      walk(a.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

export interface VisibleRow extends TreeRow {
  hasChildren: boolean;
  expanded: boolean;
}

/** The rows a collapsible tree shows: a row appears when every ancestor is expanded. */
export function visibleTreeRows(rows: TreeRow[], expanded: ReadonlySet<string>): VisibleRow[] {
  const parents = new Set(rows.map((r) => r.agency.parentId).filter((p): p is string => p !== null));
  const out: VisibleRow[] = [];
  // Depth-first order means a collapsed row hides every following row deeper than it.
  let hiddenBelow: number | null = null;
  for (const row of rows) {
    if (hiddenBelow !== null && row.depth > hiddenBelow) continue;
    hiddenBelow = null;
    const hasChildren = parents.has(row.agency.id);
    const isOpen = expanded.has(row.agency.id);
    out.push({ ...row, hasChildren, expanded: isOpen });
    if (hasChildren && !isOpen) hiddenBelow = row.depth;
  }
  return out;
}
