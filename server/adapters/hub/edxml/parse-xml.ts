/**
 * Safe XML parsing of a received package: the byte scanner first (scan.ts), then @xmldom/xmldom
 * on a skeleton in which each attachment's Base64 text is replaced by a random marker. The DOM thus
 * holds metadata only; attachment bytes stay where the package is (a buffer, or a local file read in
 * windows after compaction, compact.ts) and are decoded from there, and the signature digest
 * streams them in place of the markers (xml-signature-core.ts).
 */
import { randomBytes } from 'node:crypto';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { ExchangeErrorCode as E, ExchangeRefusal } from '../../../domain/exchange/refusal.ts';
import { DEFAULT_LIMITS, XINCLUDE_NS, type EdxmlLimits } from './constants.ts';
import { compactPackage } from './compact.ts';
import { bufferBytes, type PackageBytes } from './package-bytes.ts';
import { scanXml, type AttachmentRange } from './scan.ts';

export interface ParsedXml {
  /** The package's bytes; `ranges` are offsets into them. */
  readonly source: PackageBytes;
  readonly document: Document;
  readonly ranges: readonly AttachmentRange[];
  /** The marker text standing for range `i` in the DOM (empty string for inline ranges). */
  readonly markerOf: (i: number) => string;
  /** Finds which range a DOM text stands for, or -1 when the text is real (inline). */
  readonly rangeOfMarker: (text: string) => number;
  readonly limits: EdxmlLimits;
}

export function tooLarge(max: number): ExchangeRefusal {
  return new ExchangeRefusal(E.EXCHANGE_PACKAGE_TOO_LARGE, `Gói tin vượt quá kích thước cho phép (${max} byte)`);
}

export function parseXmlSafely(input: Buffer | PackageBytes, limits: EdxmlLimits = DEFAULT_LIMITS): ParsedXml {
  if (input.length > limits.maxPackageBytes) throw tooLarge(limits.maxPackageBytes);
  const source = Buffer.isBuffer(input) ? bufferBytes(input) : input;
  const { skeleton: scanned, cuts } = Buffer.isBuffer(input) ? { skeleton: input, cuts: [] } : compactPackage(input);
  const scan = scanXml(scanned, limits, cuts);
  const nonce = randomBytes(12).toString('hex');
  const markers = scan.ranges.map((r, i) => (r.inline ? '' : `\uE000${nonce}:${i}\uE000`));
  const parts: string[] = [];
  let last = scan.bodyStart;
  scan.ranges.forEach((r, i) => {
    if (r.inline) return;
    parts.push(scanned.toString('utf8', last, r.skeletonStart), markers[i]!);
    last = r.skeletonEnd;
  });
  parts.push(scanned.toString('utf8', last));
  const skeleton = parts.join('');
  if (skeleton.split(nonce).length - 1 !== markers.filter(Boolean).length) {
    throw new ExchangeRefusal(E.EXCHANGE_XML_MALFORMED, 'Gói tin không phải XML hợp lệ: nội dung trùng mã đánh dấu nội bộ');
  }
  let document: Document;
  try {
    document = new DOMParser({
      onError(level, message) {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(skeleton, 'text/xml');
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new ExchangeRefusal(E.EXCHANGE_XML_MALFORMED, `Gói tin không phải XML hợp lệ: ${detail}`);
  }
  if (!document.documentElement) throw new ExchangeRefusal(E.EXCHANGE_XML_MALFORMED, 'Gói tin không phải XML hợp lệ: không có phần tử gốc');
  rejectXInclude(document.documentElement);
  const markerIndex = new Map(markers.map((m, i) => [m, i] as const).filter(([m]) => m !== ''));
  return {
    source,
    document,
    ranges: scan.ranges,
    markerOf: (i) => markers[i] ?? '',
    rangeOfMarker: (text) => markerIndex.get(text) ?? -1,
    limits,
  };
}

function rejectXInclude(root: Element): void {
  const pending: Element[] = [root];
  while (pending.length > 0) {
    const el = pending.pop()!;
    if (el.namespaceURI === XINCLUDE_NS) {
      throw new ExchangeRefusal(E.EXCHANGE_XML_FORBIDDEN_CONSTRUCT, 'Gói tin chứa cấu trúc XML bị cấm: XInclude');
    }
    for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) pending.push(c as Element);
  }
}
