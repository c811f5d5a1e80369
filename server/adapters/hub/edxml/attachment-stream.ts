/**
 * Streams one attachment's file bytes to a sink (e.g. the file store) without holding the file in
 * memory: Base64 is decoded from the received buffer in chunks; a single-entry ZIP is inflated as a
 * stream (capped at limit + 1 bytes, CRC-32 checked) after its central directory has been read from
 * the decoded tail of the text. Line breaks (Base64 wrapped at 76 characters) are skipped while
 * streaming; text with CDATA falls back to `decodeAttachment` (one decoded buffer), which the same
 * sink then receives.
 */
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { createInflateRaw, crc32 } from 'node:zlib';
import { isExchangeRefusal } from '../../../domain/exchange/refusal.ts';
import { attachmentInvalid, decodeBase64Chunks } from './base64.ts';
import type { PackageBytes } from './package-bytes.ts';
import { decodeAttachment, displayNameOf, type MatchedAttachment } from './attachments.ts';
import type { ParsedDocumentPackage } from './parse-package.ts';
import { readZipEntries, type ZipEntry } from './zip-read.ts';

export interface StreamedAttachment {
  readonly ContentId: string;
  readonly displayName: string;
  readonly size: number;
  readonly sha256: string;
  readonly unpackedFrom?: string;
}

export type AttachmentSink = (chunk: Buffer) => void | Promise<void>;

const TAIL_CHARS = 4 * 22_000; // 66,000 decoded bytes: end-of-central-directory, its comment and a one-entry directory

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a;

/**
 * Base64 characters in the range, spaces and line breaks not counted (vendors wrap at 76), or -1 when
 * it holds CDATA markup (then the buffered path decodes it).
 */
function base64Chars(src: PackageBytes, start: number, end: number): number {
  let n = 0;
  for (let p = start; p < end; p += 1 << 20) {
    const s = src.read(p, Math.min(end, p + (1 << 20)));
    if (s.indexOf(0x3c) >= 0 || s.indexOf(0x5d) >= 0) return -1;
    n += s.length;
    if (s.indexOf(0x0a) >= 0 || s.indexOf(0x0d) >= 0 || s.indexOf(0x20) >= 0 || s.indexOf(0x09) >= 0) {
      for (let i = 0; i < s.length; i++) if (isSpace(s[i])) n--;
    }
  }
  return n;
}

/** Reads the single file entry from the decoded tail, when the archive is one file and may be unpacked. */
function singleEntry(src: PackageBytes, start: number, end: number, chars: number, name: string | undefined, firstBytes: Buffer): ZipEntry | null {
  if (firstBytes.length < 4 || firstBytes.readUInt32LE(0) !== 0x04034b50) return null;
  // The tail starts on a Base64 quantum: skip the characters (not line breaks) beyond a multiple of 4.
  let tailStart = Math.max(start, end - 2 * TAIL_CHARS);
  for (let skip = base64Chars(src, tailStart, end) % 4; skip > 0; tailStart++) if (!isSpace(src.read(tailStart, tailStart + 1)[0])) skip--;
  const tail = Buffer.concat([...decodeBase64Chunks(src, tailStart, end, Number.MAX_SAFE_INTEGER, false)]);
  const last = src.read(Math.max(start, end - 64), end).toString('latin1').replace(/[ \t\r\n]+/g, '');
  const pad = last.endsWith('==') ? 2 : last.endsWith('=') ? 1 : 0;
  const total = (chars / 4) * 3 - pad;
  const tailOffset = total - tail.length;
  const eocdAt = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocdAt < 0 || eocdAt + 22 > tail.length) return null;
  const cdOffset = tail.readUInt32LE(eocdAt + 16);
  if (cdOffset < tailOffset) return null; // directory not in the tail: let the buffered path decide
  // Rebase the directory so the shared reader can parse it as a tiny archive of its own.
  const rebased = Buffer.from(tail.subarray(cdOffset - tailOffset));
  rebased.writeUInt32LE(0, eocdAt - (cdOffset - tailOffset) + 16);
  const entries = readZipEntries(rebased);
  const only = entries?.length === 1 ? entries[0]! : null;
  if (!only || ((name ?? '').toLowerCase().endsWith('.zip') && !only.name.toLowerCase().endsWith('.zip'))) return null;
  return only;
}

export async function streamAttachment(
  parsed: ParsedDocumentPackage,
  matched: MatchedAttachment,
  sink: AttachmentSink,
  maxBytes = parsed.xml.limits.maxAttachmentBytes,
): Promise<StreamedAttachment> {
  const { reference: ref, attachment } = matched;
  const name = ref.AttachmentName ?? attachment.AttachmentName;
  const src = attachment.source;
  const range = 'range' in src ? parsed.xml.ranges[src.range]! : undefined;
  const buf = parsed.xml.source;
  const chars = range ? base64Chars(buf, range.start, range.end) : -1;
  if (!range || chars < 0 || chars % 4 !== 0) {
    const decoded = decodeAttachment(parsed, matched, maxBytes);
    await sink(decoded.bytes);
    return { ContentId: ref.ContentId, displayName: decoded.displayName, size: decoded.size, sha256: decoded.sha256, ...(decoded.unpackedFrom ? { unpackedFrom: decoded.unpackedFrom } : {}) };
  }
  const archiveLimit = Math.max(maxBytes, parsed.xml.limits.maxPackageBytes);
  const chunks = decodeBase64Chunks(buf, range.start, range.end, archiveLimit, false);
  const first = chunks.next();
  const firstBytes = first.done ? Buffer.alloc(0) : first.value;
  const entry = singleEntry(buf, range.start, range.end, chars, name, firstBytes);
  const hash = createHash('sha256');
  let size = 0;
  const emit = async (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) throw attachmentInvalid(`Tệp đính kèm vượt quá ${maxBytes} byte`);
    hash.update(chunk);
    await sink(chunk);
  };
  if (!entry) {
    if (firstBytes.length > 0) await emit(firstBytes);
    for (const c of chunks) await emit(c);
  } else {
    await inflateEntry(firstBytes, chunks, entry, emit);
  }
  return { ContentId: ref.ContentId, displayName: displayNameOf(name), size, sha256: hash.digest('hex'), ...(entry ? { unpackedFrom: entry.name } : {}) };
}

/** Feeds the entry's compressed bytes (located through its local header) to a streaming inflater. */
async function inflateEntry(firstBytes: Buffer, rest: Iterator<Buffer>, entry: ZipEntry, emit: (c: Buffer) => Promise<void>): Promise<void> {
  if (entry.flags & 0x1) throw attachmentInvalid('Tệp nén đính kèm được mã hóa, không thể giải nén');
  if (entry.method !== 0 && entry.method !== 8) throw attachmentInvalid(`Tệp nén đính kèm dùng phương thức nén ${entry.method} không được hỗ trợ`);
  if (entry.compressedSize === 0xffffffff) throw attachmentInvalid('Tệp nén đính kèm dạng ZIP64 không được hỗ trợ');
  // The archive's decoded chunks in order, each with its offset in the archive.
  const take = function* (): Generator<[number, Buffer]> {
    let offset = 0;
    for (let c: Buffer | undefined = firstBytes; c; ) {
      yield [offset, c];
      offset += c.length;
      const n = rest.next();
      c = n.done ? undefined : n.value;
    }
  };
  const lh = entry.localHeaderOffset;
  let header = Buffer.alloc(0);
  let dataStart = -1;
  const source = take();
  const nextCompressed = (): Buffer | null => {
    for (;;) {
      const n = source.next();
      if (n.done) return null;
      const [at, c] = n.value;
      if (dataStart < 0) {
        header = Buffer.concat([header, c.subarray(Math.max(0, lh - at))]);
        if (at + c.length < lh || header.length < 30) continue;
        if (header.readUInt32LE(0) !== 0x04034b50) throw attachmentInvalid('Tệp nén đính kèm bị hỏng (tiêu đề cục bộ)');
        dataStart = lh + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      }
      const from = Math.max(0, dataStart - at);
      const to = Math.min(c.length, dataStart + entry.compressedSize - at);
      if (to > from) return c.subarray(from, to);
      if (at >= dataStart + entry.compressedSize) return null;
    }
  };
  let crc = 0;
  const out = async (c: Buffer) => {
    crc = crc32(c, crc);
    await emit(c);
  };
  if (entry.method === 0) {
    for (let c = nextCompressed(); c; c = nextCompressed()) await out(c);
  } else {
    const inflater = createInflateRaw();
    const abort = new AbortController();
    const feeding = (async () => {
      for (let c = nextCompressed(); c; c = nextCompressed()) if (!inflater.write(c)) await once(inflater, 'drain', { signal: abort.signal });
      inflater.end();
    })();
    feeding.catch(() => inflater.destroy());
    try {
      for await (const c of inflater) await out(c as Buffer);
      await feeding;
    } catch (e) {
      abort.abort();
      inflater.destroy();
      if (isExchangeRefusal(e)) throw e;
      throw attachmentInvalid('Tệp nén đính kèm bị hỏng, không giải nén được');
    }
  }
  if (crc !== entry.crc) throw attachmentInvalid('Tệp nén đính kèm sai mã kiểm tra CRC-32');
}
