/**
 * First pass over the raw bytes, before any XML parser sees them (exchange.md §5.2): refuses
 * DOCTYPE, entity declarations, processing instructions and non-UTF-8 input; enforces depth, element,
 * attribute, name and text limits while reading (iteratively, so deep nesting cannot overflow a stack);
 * and finds the `ContentTransferEncoded` byte ranges so the parser never copies attachment data.
 */
import { isUtf8 } from 'node:buffer';
import { ExchangeErrorCode as E, ExchangeRefusal } from '../../../domain/exchange/refusal.ts';
import type { Cut } from './compact.ts';
import type { EdxmlLimits } from './constants.ts';

/** The raw bytes of one `ContentTransferEncoded` text, in document order. */
export interface AttachmentRange {
  /** Offsets in the package. */
  readonly start: number;
  readonly end: number;
  /** Offsets in the scanned skeleton (the same as `start`/`end` when nothing was cut, compact.ts). */
  readonly skeletonStart: number;
  readonly skeletonEnd: number;
  /** `false` when the raw bytes are only Base64 characters, whitespace and CDATA markers. */
  readonly inline: boolean;
}

export interface ScanResult {
  /** Offset after a UTF-8 byte order mark. */
  readonly bodyStart: number;
  readonly ranges: readonly AttachmentRange[];
  readonly elementCount: number;
}

const LT = 0x3c;
const GT = 0x3e;
const forbidden = (what: string) => new ExchangeRefusal(E.EXCHANGE_XML_FORBIDDEN_CONSTRUCT, `Gói tin chứa cấu trúc XML bị cấm: ${what}`);
const limit = (what: string) => new ExchangeRefusal(E.EXCHANGE_XML_LIMIT_EXCEEDED, `Gói tin vượt giới hạn XML: ${what}`);
const malformed = (what: string) => new ExchangeRefusal(E.EXCHANGE_XML_MALFORMED, `Gói tin không phải XML hợp lệ: ${what}`);

/** Base64 alphabet and XML whitespace: the bytes an attachment may hold for the zero-copy path. */
const BASE64_OR_SPACE = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n') BASE64_OR_SPACE[c.charCodeAt(0)] = 1;

const NAME_END = new Uint8Array(256);
for (const c of ' \t\r\n/>=') NAME_END[c.charCodeAt(0)] = 1;
const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

function startsWith(buf: Buffer, pos: number, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (buf[pos + i] !== s.charCodeAt(i)) return false;
  return true;
}

function find(buf: Buffer, s: string, from: number, what: string): number {
  const at = buf.indexOf(s, from, 'latin1');
  if (at < 0) throw malformed(`thiếu "${s}" sau ${what}`);
  return at;
}

/** Checks the references in a text or attribute value: only the five predefined and numeric ones exist without a DTD. */
function checkReferences(buf: Buffer, start: number, end: number): void {
  const region = buf.subarray(start, end);
  let amp = region.indexOf(0x26);
  while (amp >= 0) {
    const semi = region.indexOf(0x3b, amp);
    if (semi < 0 || semi - amp > 12) throw malformed('tham chiếu thực thể không kết thúc');
    const name = region.toString('latin1', amp + 1, semi);
    if (!/^(lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6})$/.test(name)) {
      throw malformed(`tham chiếu thực thể không được khai báo "&${name.slice(0, 40)};"`);
    }
    amp = region.indexOf(0x26, semi);
  }
}

function checkEncodingDeclaration(decl: string): void {
  const m = /\bencoding\s*=\s*["']([^"']*)["']/.exec(decl);
  if (m && !/^utf-?8$/i.test(m[1]!)) throw malformed(`mã hóa "${m[1]}" không được hỗ trợ, chỉ chấp nhận UTF-8`);
}

/**
 * Scans `buf`, the package or its compacted skeleton with `cuts` (compact.ts): each cut must be the
 * whole text of a `ContentTransferEncoded` element, else the package is refused.
 */
export function scanXml(buf: Buffer, limits: EdxmlLimits, cuts: readonly Cut[] = []): ScanResult {
  if (!isUtf8(buf)) throw malformed('dữ liệu không phải UTF-8');
  let pos = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const bodyStart = pos;
  if (startsWith(buf, pos, '<?xml') && isSpace(buf[pos + 5])) {
    const end = find(buf, '?>', pos, 'khai báo XML');
    checkEncodingDeclaration(buf.toString('utf8', pos, end));
    pos = end + 2;
  }
  const stack: string[] = [];
  const ranges: AttachmentRange[] = [];
  let elements = 0;
  let rootSeen = false;
  let textRun = 0;
  let inAttachment = false;
  let attachmentStart = 0;
  let nextCut = 0;
  /** Bytes cut before `pos`: skeleton offset + shift = package offset. */
  let shift = 0;
  let attachmentCut: Cut | undefined;

  while (pos < buf.length) {
    const cut = cuts[nextCut];
    if (cut && cut.at === pos) {
      if (!inAttachment || attachmentStart !== pos || buf[pos] !== LT || buf[pos + 1] !== 0x2f) throw malformed('dữ liệu tệp đính kèm nằm sai chỗ');
      attachmentCut = cut;
      nextCut++;
    }
    const lt = buf.indexOf(LT, pos);
    const textEnd = lt < 0 ? buf.length : lt;
    if (textEnd > pos) {
      if (stack.length === 0) {
        for (let i = pos; i < textEnd; i++) if (!isSpace(buf[i])) throw malformed('có nội dung nằm ngoài phần tử gốc');
      } else {
        textRun += textEnd - pos;
        if (!inAttachment && textRun > limits.maxTextLength) throw limit(`nội dung văn bản dài quá ${limits.maxTextLength} byte`);
        checkReferences(buf, pos, textEnd);
      }
    }
    if (lt < 0) break;
    pos = lt;
    if (buf[pos + 1] === 0x3f /* ? */) {
      throw forbidden('chỉ dẫn xử lý (processing instruction)');
    }
    if (buf[pos + 1] === 0x21 /* ! */) {
      if (startsWith(buf, pos, '<!--')) {
        pos = find(buf, '-->', pos + 4, 'chú thích') + 3;
        continue;
      }
      if (startsWith(buf, pos, '<![CDATA[')) {
        if (stack.length === 0) throw malformed('CDATA nằm ngoài phần tử gốc');
        const end = find(buf, ']]>', pos + 9, 'CDATA');
        textRun += end - pos - 9;
        if (!inAttachment && textRun > limits.maxTextLength) throw limit(`nội dung văn bản dài quá ${limits.maxTextLength} byte`);
        pos = end + 3;
        continue;
      }
      const word = buf.toString('latin1', pos + 2, Math.min(pos + 10, buf.length)).toUpperCase();
      if (word.startsWith('DOCTYPE')) throw forbidden('khai báo DOCTYPE');
      if (word.startsWith('ENTITY')) throw forbidden('khai báo thực thể (ENTITY)');
      if (word.startsWith('ELEMENT') || word.startsWith('ATTLIST') || word.startsWith('NOTATION')) throw forbidden('khai báo DTD');
      throw malformed('cấu trúc "<!" không hợp lệ');
    }
    textRun = 0;
    if (buf[pos + 1] === 0x2f /* / */) {
      const gt = find(buf, '>', pos, 'thẻ đóng');
      const name = buf.toString('utf8', pos + 2, gt).trimEnd();
      const open = stack.pop();
      if (open === undefined || open !== name) throw malformed(`thẻ đóng </${name.slice(0, 60)}> không khớp`);
      if (inAttachment) {
        inAttachment = false;
        if (attachmentCut) {
          ranges.push({ start: attachmentCut.start, end: attachmentCut.end, skeletonStart: attachmentStart, skeletonEnd: pos, inline: false });
          shift += attachmentCut.end - attachmentCut.start;
          attachmentCut = undefined;
        } else {
          ranges.push({ start: attachmentStart + shift, end: pos + shift, skeletonStart: attachmentStart, skeletonEnd: pos, inline: !onlyBase64(buf, attachmentStart, pos) });
        }
      }
      pos = gt + 1;
      continue;
    }
    // start tag
    if (inAttachment) throw malformed('ContentTransferEncoded chứa phần tử con');
    if (rootSeen && stack.length === 0) throw malformed('có nhiều hơn một phần tử gốc');
    let p = pos + 1;
    while (p < buf.length && !NAME_END[buf[p]!]) p++;
    const nameLength = p - pos - 1;
    if (nameLength === 0) throw malformed('thẻ không có tên');
    if (nameLength > limits.maxNameLength) throw limit(`tên phần tử dài quá ${limits.maxNameLength} ký tự`);
    const name = buf.toString('utf8', pos + 1, p);
    let attributes = 0;
    let selfClosing = false;
    for (;;) {
      while (isSpace(buf[p])) p++;
      if (p >= buf.length) throw malformed(`thẻ <${name.slice(0, 60)}> không kết thúc`);
      if (buf[p] === GT) break;
      if (buf[p] === 0x2f && buf[p + 1] === GT) {
        selfClosing = true;
        p++;
        break;
      }
      const attrStart = p;
      while (p < buf.length && !NAME_END[buf[p]!]) p++;
      if (p === attrStart) throw malformed(`thuộc tính không hợp lệ trong <${name.slice(0, 60)}>`);
      if (p - attrStart > limits.maxNameLength) throw limit(`tên thuộc tính dài quá ${limits.maxNameLength} ký tự`);
      while (isSpace(buf[p])) p++;
      if (buf[p] !== 0x3d /* = */) throw malformed(`thuộc tính thiếu giá trị trong <${name.slice(0, 60)}>`);
      p++;
      while (isSpace(buf[p])) p++;
      const quote = buf[p];
      if (quote !== 0x22 && quote !== 0x27) throw malformed('giá trị thuộc tính phải nằm trong dấu nháy');
      const close = buf.indexOf(quote, p + 1);
      if (close < 0) throw malformed('giá trị thuộc tính không kết thúc');
      if (close - p - 1 > limits.maxTextLength) throw limit('giá trị thuộc tính quá dài');
      if (buf.subarray(p + 1, close).indexOf(LT) >= 0) throw malformed('giá trị thuộc tính chứa "<"');
      checkReferences(buf, p + 1, close);
      p = close + 1;
      if (++attributes > limits.maxAttributesPerElement) throw limit(`phần tử có quá ${limits.maxAttributesPerElement} thuộc tính`);
    }
    if (++elements > limits.maxElements) throw limit(`quá ${limits.maxElements} phần tử`);
    rootSeen = true;
    pos = p + 1;
    if (selfClosing) continue;
    stack.push(name);
    if (stack.length > limits.maxDepth) throw limit(`độ sâu lồng nhau vượt quá ${limits.maxDepth} mức`);
    if (name === 'ContentTransferEncoded' || name.endsWith(':ContentTransferEncoded')) {
      inAttachment = true;
      attachmentStart = pos;
    }
  }
  if (nextCut < cuts.length) throw malformed('dữ liệu tệp đính kèm nằm sai chỗ');
  if (!rootSeen) throw malformed('không có phần tử gốc');
  if (stack.length > 0) throw malformed(`phần tử <${stack[stack.length - 1]!.slice(0, 60)}> không được đóng`);
  return { bodyStart, ranges, elementCount: elements };
}

/**
 * True when the raw bytes of the range are exactly the text the parser would see, up to CDATA
 * markers and line ends (what the digest streams): no '&', '<' or '>' except CDATA markers around
 * Base64. Native scans first; the byte loop runs only when markup is present.
 */
function onlyBase64(buf: Buffer, start: number, end: number): boolean {
  const slice = buf.subarray(start, end);
  if (slice.indexOf(0x26) < 0 && slice.indexOf(LT) < 0 && slice.indexOf(GT) < 0) return true;
  return onlyBase64Slow(buf, start, end);
}

function onlyBase64Slow(buf: Buffer, start: number, end: number): boolean {
  let inCdata = false;
  for (let p = start; p < end; ) {
    const b = buf[p]!;
    if (BASE64_OR_SPACE[b]) {
      p++;
    } else if (!inCdata && b === LT && startsWith(buf, p, '<![CDATA[')) {
      inCdata = true;
      p += 9;
    } else if (inCdata && b === 0x5d && startsWith(buf, p, ']]>')) {
      inCdata = false;
      p += 3;
    } else {
      return false;
    }
  }
  return true;
}
