/**
 * Issue 5 acceptance: every item of the exchange spec's conformance checklist (exchange.md §7) maps to
 * a named test, i.e. a test or group whose title contains the item's id (`C29 …`, `C22/C23 …`). An item
 * without one fails this test, unless it is listed below as not built yet, with the area that owns it;
 * an item listed there that has gained a test fails too, so the list only shrinks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SPEC = path.resolve(ROOT, '../shared/spec/exchange.md');

/** Items whose behaviour is not built yet, with who builds it. */
const NOT_BUILT: Record<string, string> = {
};

function checklistIds(): string[] {
  const text = readFileSync(SPEC, 'utf8');
  const section = text.slice(text.indexOf('## 7. Conformance checklist'));
  return [...section.matchAll(/^- (C\d+):/gm)].map((m) => m[1]!);
}

function testFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) testFiles(full, out);
    else if (/\.(test|spec)\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

/** Ids named in the titles of it/test/describe calls. */
function mappedIds(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const dir of ['server', 'web/src', 'tests', 'scripts']) {
    for (const file of testFiles(path.join(ROOT, dir))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(?:it|test|describe|describeEachEngine)(?:\.\w+)?\(\s*(['"`])((?:(?!\1).)*)\1/g)) {
        for (const id of m[2]!.match(/\bC\d+\b/g) ?? []) found.set(id, [...(found.get(id) ?? []), path.relative(ROOT, file)]);
      }
    }
  }
  return found;
}

describe('exchange conformance checklist', () => {
  const ids = checklistIds();
  const mapped = mappedIds();

  it('the spec numbers its checklist items 1 to 75 in order', () => {
    expect(ids).toEqual(Array.from({ length: 75 }, (_, i) => `C${i + 1}`));
  });

  it('every checklist item maps to a named test, or is listed as not built yet with its owner', () => {
    const missing = ids.filter((id) => !mapped.has(id) && !NOT_BUILT[id]);
    expect(missing, `checklist items without a test named by id: ${missing.join(', ')}`).toEqual([]);
  });

  it('no item is listed as not built while a test names it', () => {
    const stale = Object.keys(NOT_BUILT).filter((id) => mapped.has(id));
    expect(stale, `now tested, remove from NOT_BUILT: ${stale.join(', ')}`).toEqual([]);
  });
});
