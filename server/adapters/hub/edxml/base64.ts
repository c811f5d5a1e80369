/**
 * Strict Base64 decoding straight from the received bytes (exchange.md §2.9): standard alphabet,
 * padding required, whitespace ignored, anything else refused. Two passes over the source range
 * (validate and count, then decode in 64 KiB chunks) into one output buffer of the exact size.
 */
import { ExchangeErrorCode as E, ExchangeRefusal } from '../../../domain/exchange/refusal.ts';

const ALPHABET = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') ALPHABET[c.charCodeAt(0)] = 1;
const SPACE = new Uint8Array(256);
for (const c of ' \t\r\n') SPACE[c.charCodeAt(0)] = 1;
const EQ = 0x3d;
const CHUNK = 64 * 1024;

export function attachmentInvalid(message: string): ExchangeRefusal {
  return new ExchangeRefusal(E.EXCHANGE_ATTACHMENT_INVALID, message);
}

/** Visits the meaningful bytes of `buf[start, end)`, skipping whitespace and (when allowed) CDATA markers. */
function* segments(buf: Buffer, start: number, end: number, cdata: boolean): Generator<[number, number]> {
  let p = start;
  while (p < end) {
    if (cdata && buf[p] === 0x3c && buf.toString('latin1', p, p + 9) === '<![CDATA[') {
      p += 9;
      continue;
    }
    if (cdata && buf[p] === 0x5d && buf.toString('latin1', p, p + 3) === ']]>') {
      p += 3;
      continue;
    }
    if (SPACE[buf[p]!]) {
      p++;
      continue;
    }
    const s = p;
    while (p < end && !SPACE[buf[p]!] && buf[p] !== 0x3c && buf[p] !== 0x5d) p++;
    if (p === s) p++; // a lone '<' or ']' outside markers: counted below as invalid
    yield [s, p];
  }
}

/**
 * Decodes Base64 held in `buf[start, end)`. `cdata` allows CDATA markers (raw XML text).
 * Refuses when the decoded size would exceed `maxBytes`.
 */
export function decodeBase64Range(buf: Buffer, start: number, end: number, maxBytes: number, cdata = true): Buffer {
  let count = 0;
  let padding = 0;
  for (const [s, e] of segments(buf, start, end, cdata)) {
    for (let i = s; i < e; i++) {
      const b = buf[i]!;
      if (b === EQ) {
        padding++;
      } else if (!ALPHABET[b] || padding > 0) {
        throw attachmentInvalid(
          padding > 0 ? 'Dữ liệu Base64 của tệp đính kèm có ký tự sau dấu "="' : `Dữ liệu Base64 của tệp đính kèm chứa ký tự không hợp lệ (mã ${b})`,
        );
      }
      count++;
    }
  }
  if (count % 4 !== 0 || padding > 2) throw attachmentInvalid('Dữ liệu Base64 của tệp đính kèm không đủ độ dài hoặc thiếu phần đệm "="');
  const size = (count / 4) * 3 - padding;
  if (size > maxBytes) throw attachmentInvalid(`Tệp đính kèm vượt quá ${maxBytes} byte`);
  const out = Buffer.allocUnsafe(size);
  const scratch = Buffer.allocUnsafe(CHUNK);
  let filled = 0;
  let written = 0;
  const flush = (final: boolean) => {
    const usable = final ? filled : filled - (filled % 4);
    if (usable === 0) return;
    written += out.write(scratch.toString('latin1', 0, usable), written, 'base64');
    scratch.copyWithin(0, usable, filled);
    filled -= usable;
  };
  for (const [s, e] of segments(buf, start, end, cdata)) {
    let i = s;
    while (i < e) {
      const n = Math.min(e - i, CHUNK - filled);
      buf.copy(scratch, filled, i, i + n);
      filled += n;
      i += n;
      if (filled === CHUNK) flush(false);
    }
  }
  flush(true);
  if (written !== size) throw attachmentInvalid('Giải mã Base64 của tệp đính kèm không trọn vẹn');
  return out;
}

export function decodeBase64Text(text: string, maxBytes: number): Buffer {
  const buf = Buffer.from(text, 'utf8');
  return decodeBase64Range(buf, 0, buf.length, maxBytes, false);
}
