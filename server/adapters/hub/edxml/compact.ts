/**
 * Compaction of a file-backed package before the scanner (scan.ts): the text of each
 * `ContentTransferEncoded` element that is long, plain ASCII without `&`, `<` or `>` (Base64 and line
 * breaks) and directly followed by its end tag is cut out of the skeleton the scanner and the DOM
 * see, and remembered by its offsets in the package. The scanner checks that each cut stands exactly
 * where an attachment's text belongs and reports that attachment's range in package offsets, so the
 * decoders and the signature digest read it from the file in windows. Everything else, including
 * every other text, stays in the skeleton and gets the scanner's full checks: removing ASCII between
 * `>` and `<` cannot turn invalid UTF-8 into valid, nor hide a reference or markup.
 */
import { isAscii } from 'node:buffer';
import type { PackageBytes } from './package-bytes.ts';

/** Text cut out of the skeleton: at skeleton offset `at`, package bytes [start, end). */
export interface Cut {
  readonly at: number;
  readonly start: number;
  readonly end: number;
}

const WINDOW = 1 << 20;
const LOOK_BACK = 2048;
const CTE_START_TAG = /<(?:[A-Za-z_][\w.-]*:)?ContentTransferEncoded(?:\s[^<>]*)?$/;

function indexOfByte(src: PackageBytes, byte: number, from: number): number {
  for (let p = from; p < src.length; p += WINDOW) {
    const i = src.read(p, p + WINDOW).indexOf(byte);
    if (i >= 0) return p + i;
  }
  return -1;
}

/** True when the `>` at `gt` ends a `ContentTransferEncoded` start tag (not a self-closing one). */
function endsAttachmentStartTag(src: PackageBytes, gt: number): boolean {
  if (src.read(gt - 1, gt)[0] === 0x2f) return false;
  const before = src.read(Math.max(0, gt - LOOK_BACK), gt);
  const lt = before.lastIndexOf(0x3c);
  return lt >= 0 && CTE_START_TAG.test(before.toString('latin1', lt));
}

/** Offset of the `<` ending a run that holds only plain ASCII without `&` and `>`; -1 otherwise. */
function endOfPlainRun(src: PackageBytes, from: number): number {
  for (let p = from; p < src.length; p += WINDOW) {
    const w = src.read(p, p + WINDOW);
    const lt = w.indexOf(0x3c);
    const part = lt < 0 ? w : w.subarray(0, lt);
    if (!isAscii(part) || part.indexOf(0x26) >= 0 || part.indexOf(0x3e) >= 0) return -1;
    if (lt >= 0) return p + lt;
  }
  return -1;
}

export function compactPackage(src: PackageBytes, minCut = 64 * 1024): { skeleton: Buffer; cuts: Cut[] } {
  const parts: Buffer[] = [];
  const cuts: Cut[] = [];
  let kept = 0;
  let copyFrom = 0;
  for (let p = 0; ; ) {
    const gt = indexOfByte(src, 0x3e, p);
    if (gt < 0) break;
    p = gt + 1;
    if (!endsAttachmentStartTag(src, gt)) continue;
    const lt = endOfPlainRun(src, gt + 1);
    if (lt < 0 || lt - (gt + 1) < minCut || src.read(lt + 1, lt + 2)[0] !== 0x2f) continue;
    // Buffer.from: a view of a buffer-backed source would otherwise keep the whole source alive.
    parts.push(Buffer.from(src.read(copyFrom, gt + 1)));
    kept += gt + 1 - copyFrom;
    cuts.push({ at: kept, start: gt + 1, end: lt });
    copyFrom = lt;
    p = lt;
  }
  for (let p = copyFrom; p < src.length; p += WINDOW) parts.push(Buffer.from(src.read(p, Math.min(src.length, p + WINDOW))));
  return { skeleton: Buffer.concat(parts), cuts };
}
