import { foldAligned } from './query.ts';

/** A piece of text; `hit` pieces are the words that matched the query (shown highlighted). */
export interface Segment {
  text: string;
  hit: boolean;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z0-9]/.test(ch);
}

/**
 * Where the folded terms occur as word starts in the text: "dong" marks "Đồng" and "Đông" alike;
 * the last term may be a prefix ("dan" marks "Đăng" only when prefix is true).
 */
function hitRanges(folded: string, terms: readonly string[], prefixLast: boolean): [number, number][] {
  const ranges: [number, number][] = [];
  terms.forEach((term, index) => {
    const asPrefix = prefixLast && index === terms.length - 1;
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      const end = at + term.length;
      if (!isWordChar(folded[at - 1])) {
        let wordEnd = end;
        while (isWordChar(folded[wordEnd])) wordEnd++;
        if (asPrefix || wordEnd === end) ranges.push([at, wordEnd]);
      }
      from = at + 1;
    }
  });
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function toSegments(original: string, ranges: readonly [number, number][], from: number, to: number): Segment[] {
  const chars = Array.from(original);
  const out: Segment[] = [];
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (start > at) out.push({ text: chars.slice(at, start).join(''), hit: false });
    out.push({ text: chars.slice(start, end).join(''), hit: true });
    at = end;
  }
  if (at < to) out.push({ text: chars.slice(at, to).join(''), hit: false });
  return out;
}

/** The whole (short) text with its matching words marked: for subjects. */
export function highlight(text: string, terms: readonly string[], options: { prefixLast?: boolean } = {}): Segment[] {
  const { original, folded } = foldAligned(text);
  return toSegments(original, hitRanges(folded, terms, options.prefixLast ?? false), 0, Array.from(original).length);
}

/**
 * A window of about `width` characters of a long text (a PDF's extracted text) around the place
 * where most query words meet, with those words marked; undefined when no word occurs.
 */
export function snippet(text: string, terms: readonly string[], width = 220): Segment[] | undefined {
  const { original, folded } = foldAligned(text.replace(/\s+/g, ' '));
  const ranges = hitRanges(folded, terms, false);
  if (ranges.length === 0) return undefined;
  const length = folded.length;
  // The window that covers the most hits (distinct ones first), scanning from each hit.
  let best = { start: 0, score: -1 };
  for (const [s] of ranges) {
    const start = Math.max(0, s - Math.floor(width / 4));
    const inside = ranges.filter(([a, b]) => a >= start && b <= start + width);
    const distinct = new Set(inside.map(([a, b]) => folded.slice(a, b))).size;
    const score = distinct * 1000 + inside.length;
    if (score > best.score) best = { start, score };
  }
  let start = best.start;
  let end = Math.min(length, start + width);
  // Cut at word boundaries.
  while (start > 0 && folded[start - 1] !== ' ' && best.start - start < 20) start--;
  while (end < length && folded[end] !== ' ' && end - start < width + 20) end++;
  const segments = toSegments(original, ranges, start, end);
  if (start > 0) segments.unshift({ text: '…', hit: false });
  if (end < length) segments.push({ text: '…', hit: false });
  return segments;
}
