/**
 * Strict Base64 decoding straight from the received bytes (exchange.md §2.9): standard alphabet,
 * padding required, whitespace ignored, anything else refused. One pass in 64 KiB chunks, all native:
 * Node's decoder skips characters it does not know, so a chunk that decodes to fewer bytes than its
 * length implies held an invalid character; the URL-safe `-` and `_` it would accept are looked for
 * separately. `decodeBase64Range` collects into one buffer; `decodeBase64Chunks` yields for streaming.
 */
import { isAscii } from 'node:buffer';
import { ExchangeErrorCode as E, ExchangeRefusal } from '../../../domain/exchange/refusal.ts';
import { bufferBytes, type PackageBytes } from './package-bytes.ts';

// 64 KiB: each chunk's text and its decoded bytes stay below V8's large-object size, so they die in the
// young generation instead of piling up in the old one until a full collection (bench/hub: ~100 MB).
const CHUNK = 64 << 10;
const STRIP_WITH_CDATA = /[ \t\r\n]+|<!\[CDATA\[|\]\]>/g;
const STRIP = /[ \t\r\n]+/g;
const SPACE_OR_MARKUP = [0x20, 0x09, 0x0d, 0x0a, 0x3c, 0x5d];

export function attachmentInvalid(message: string): ExchangeRefusal {
  return new ExchangeRefusal(E.EXCHANGE_ATTACHMENT_INVALID, message);
}

function invalid(detail: string): ExchangeRefusal {
  return attachmentInvalid(`Dữ liệu Base64 của tệp đính kèm không hợp lệ: ${detail}`);
}

function firstBadCharacter(s: string): string {
  const bad = /[^A-Za-z0-9+/=]/.exec(s)?.[0] ?? '?';
  return `chứa ký tự "${bad.replace(/[^\x20-\x7e]/g, '?')}"`;
}

/**
 * Decodes Base64 held in `buf[start, end)` chunk by chunk (each ≤ 48 KiB). `cdata` allows CDATA
 * markers (raw XML text). Refuses as soon as the decoded size exceeds `maxBytes`.
 */
export function* decodeBase64Chunks(input: Buffer | PackageBytes, start: number, end: number, maxBytes: number, cdata = true): Generator<Buffer> {
  const src = Buffer.isBuffer(input) ? bufferBytes(input) : input;
  let written = 0;
  let carry = '';
  let finished = false;
  const strip = cdata ? STRIP_WITH_CDATA : STRIP;
  for (let p = start; p < end; ) {
    const q = Math.min(end, p + CHUNK);
    let slice = src.read(p, q);
    if (cdata && q < end) {
      // never cut a CDATA marker in two: end the chunk before a '<' or ']' near its end
      let keep = slice.length;
      for (let i = slice.length - 1; i >= slice.length - 8 && i > 0; i--) if (slice[i] === 0x3c || slice[i] === 0x5d) keep = i;
      slice = slice.subarray(0, keep);
    }
    p += slice.length;
    if (!isAscii(slice)) throw invalid('chứa ký tự ngoài bảng mã ASCII');
    const raw = slice.toString('ascii');
    const needsStrip = SPACE_OR_MARKUP.some((b) => slice.indexOf(b) >= 0);
    const clean = carry + (needsStrip ? raw.replace(strip, '') : raw);
    if (clean.length === 0) continue;
    if (finished) throw invalid('có ký tự sau dấu "="');
    if (clean.indexOf('-') >= 0 || clean.indexOf('_') >= 0) throw invalid(firstBadCharacter(clean));
    const eq = clean.indexOf('=');
    let body: string;
    let pad = 0;
    if (eq >= 0) {
      finished = true;
      pad = clean.length - eq;
      if (pad > 2 || clean.slice(eq) !== '='.repeat(pad) || clean.length % 4 !== 0) throw invalid('dấu "=" đặt sai chỗ hoặc độ dài không chia hết cho 4');
      body = clean;
      carry = '';
    } else {
      const usable = clean.length - (clean.length % 4);
      body = clean.slice(0, usable);
      carry = clean.slice(usable);
    }
    const size = (body.length / 4) * 3 - pad;
    if (written + size > maxBytes) throw attachmentInvalid(`Tệp đính kèm vượt quá ${maxBytes} byte`);
    const out = Buffer.from(body, 'base64');
    if (out.length !== size) throw invalid(firstBadCharacter(body));
    written += size;
    if (size > 0) yield out;
  }
  if (carry.length > 0) throw invalid('độ dài không chia hết cho 4 (thiếu phần đệm "=")');
}

/** Decodes into one buffer sized from the encoded length (trimmed to what was written). */
export function decodeBase64Range(src: Buffer | PackageBytes, start: number, end: number, maxBytes: number, cdata = true): Buffer {
  const out = Buffer.allocUnsafe(Math.min(Math.floor(((end - start) * 3) / 4), maxBytes));
  let written = 0;
  for (const chunk of decodeBase64Chunks(src, start, end, maxBytes, cdata)) written += chunk.copy(out, written);
  return out.subarray(0, written);
}

export function decodeBase64Text(text: string, maxBytes: number): Buffer {
  const buf = Buffer.from(text, 'utf8');
  return decodeBase64Range(buf, 0, buf.length, maxBytes, false);
}
