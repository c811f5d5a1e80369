/**
 * Reads a stored file's stream into one buffer. With its size known, into one buffer of that size
 * (never the chunks plus their join, which holds a large package twice).
 */
import type { Readable } from 'node:stream';

export async function readAll(stream: Readable, size?: number): Promise<Buffer> {
  if (size === undefined) {
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
    return Buffer.concat(chunks);
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for await (const c of stream) {
    const b = Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array);
    if (at + b.length > size) throw new Error('tệp lưu trữ dài hơn kích thước đã ghi');
    at += b.copy(out, at);
  }
  return out.subarray(0, at);
}
