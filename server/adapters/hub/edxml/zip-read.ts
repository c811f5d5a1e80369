/**
 * A small ZIP reader for attachments (exchange.md §2.9): the central directory is authoritative
 * (streaming writers leave zero sizes in the local header, flag bit 3); only methods 0 and 8, no
 * encryption, no ZIP64; inflation is capped at limit + 1 bytes whatever the sizes declare.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { attachmentInvalid } from './base64.ts';

export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

export function looksLikeZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === SIG_LOCAL;
}

/** Lists the file entries (directories ignored), or `null` when the central directory cannot be read. */
export function readZipEntries(zip: Buffer): ZipEntry[] | null {
  const minEnd = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let p = zip.length - 22; p >= minEnd; p--) {
    if (zip.readUInt32LE(p) === SIG_END) {
      end = p;
      break;
    }
  }
  if (end < 0) return null;
  const total = zip.readUInt16LE(end + 10);
  const cdSize = zip.readUInt32LE(end + 12);
  let p = zip.readUInt32LE(end + 16);
  if (p + cdSize > end) return null;
  const entries: ZipEntry[] = [];
  for (let i = 0; i < total; i++) {
    if (p + 46 > end || zip.readUInt32LE(p) !== SIG_CENTRAL) return null;
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const flags = zip.readUInt16LE(p + 8);
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name,
      flags,
      method: zip.readUInt16LE(p + 10),
      crc: zip.readUInt32LE(p + 16),
      compressedSize: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      localHeaderOffset: zip.readUInt32LE(p + 42),
    };
    if (!name.endsWith('/')) entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Unpacks one entry, refusing encryption, other methods, ZIP64 and more than `maxBytes` of output. */
export function unpackEntry(zip: Buffer, entry: ZipEntry, maxBytes: number): Buffer {
  if (entry.flags & 0x1) throw attachmentInvalid('Tệp nén đính kèm được mã hóa, không thể giải nén');
  if (entry.method !== 0 && entry.method !== 8) throw attachmentInvalid(`Tệp nén đính kèm dùng phương thức nén ${entry.method} không được hỗ trợ`);
  if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff) throw attachmentInvalid('Tệp nén đính kèm dạng ZIP64 không được hỗ trợ');
  const lh = entry.localHeaderOffset;
  if (lh + 30 > zip.length || zip.readUInt32LE(lh) !== SIG_LOCAL) throw attachmentInvalid('Tệp nén đính kèm bị hỏng (tiêu đề cục bộ)');
  const dataStart = lh + 30 + zip.readUInt16LE(lh + 26) + zip.readUInt16LE(lh + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > zip.length) throw attachmentInvalid('Tệp nén đính kèm bị hỏng (kích thước)');
  const data = zip.subarray(dataStart, dataEnd);
  let out: Buffer;
  if (entry.method === 0) {
    out = data;
  } else {
    try {
      out = inflateRawSync(data, { maxOutputLength: maxBytes + 1 });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        throw attachmentInvalid(`Tệp giải nén từ tệp đính kèm vượt quá ${maxBytes} byte`);
      }
      throw attachmentInvalid('Tệp nén đính kèm bị hỏng, không giải nén được');
    }
  }
  if (out.length > maxBytes) throw attachmentInvalid(`Tệp giải nén từ tệp đính kèm vượt quá ${maxBytes} byte`);
  if (crc32(out) !== entry.crc) throw attachmentInvalid('Tệp nén đính kèm sai mã kiểm tra CRC-32');
  return out;
}
