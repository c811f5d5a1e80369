/**
 * C75 (exchange.md §7): no identifier code of a real organ is written into product code. Codes come
 * from the directory (seed data, imports), so a province merger or a corrected code is a data change.
 * Scanned: every source file under server/ and web/src, outside seed data, test fixtures and tests.
 * Flagged: a full code (`000.00.00.H04`) or a quoted level-1 group (`'H04'`) whose group belongs to a
 * real body — `G` 01–40 (Government bodies), `H`/`K` 01–63 (provinces before the 2025 mergers) —
 * outside comments. Fictional groups such as `H99`, the spec samples' province, are fine as examples.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const EXEMPT = [/\/adapters\/db\/seed\//, /\/testing\//, /\/test\//, /\.test\.tsx?$/, /\.spec\.tsx?$/];

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (/\.(ts|tsx|js|json|csv|html)$/.test(name) && !EXEMPT.some((r) => r.test(full))) out.push(full);
  }
  return out;
}

/** Block comments and `//` comments (not the `//` inside `https://`) blanked, line numbers kept. */
export function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, (_m, before: string) => before);
}

function isRealGroup(group: string): boolean {
  const letter = group[0]!;
  const n = Number(group.slice(1));
  return (letter === 'G' && n >= 1 && n <= 40) || ((letter === 'H' || letter === 'K') && n >= 1 && n <= 63);
}

/** `file:line: literal` for each real organ code written in the text. */
export function realCodeLiterals(file: string, text: string): string[] {
  const found: string[] = [];
  const lines = withoutComments(text).split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/\b\d{3}\.\d{2}\.\d{2}\.([A-Z]\d{2})\b/g)) if (isRealGroup(m[1]!)) found.push(`${file}:${i + 1}: ${m[0]}`);
    for (const m of line.matchAll(/(['"`])([GHK]\d{2})\1/g)) if (isRealGroup(m[2]!)) found.push(`${file}:${i + 1}: ${m[0]}`);
  });
  return found;
}

describe('identifier codes in product code', () => {
  it('C75: no identifier code of a real organ appears as a literal in product code outside seed data and test fixtures', () => {
    const files = [...sources(path.join(ROOT, 'server')), ...sources(path.join(ROOT, 'web/src'))];
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => realCodeLiterals(path.relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(found, `codes of real organs belong in the directory (seed data or an import), not in code:\n${found.join('\n')}`).toEqual([]);
  });

  it('C75: the scan finds a real code in a string, a hint or a quoted group, and not in a comment or a fictional example', () => {
    expect(realCodeLiterals('a.ts', `const ubnd = '000.00.00.H04';`)).toEqual(['a.ts:1: 000.00.00.H04']);
    expect(realCodeLiterals('a.tsx', `<p>\n hint="Dạng 000.00.00.G22"</p>`)).toEqual(['a.tsx:2: 000.00.00.G22']);
    expect(realCodeLiterals('a.ts', `if (group === "H41") {}`)).toEqual(['a.ts:1: "H41"']);
    expect(realCodeLiterals('a.ts', `// e.g. 000.00.00.H04\n/* 'H41' */ const x = 'https://x/000.00.12.H99';`)).toEqual([]);
  });
});
