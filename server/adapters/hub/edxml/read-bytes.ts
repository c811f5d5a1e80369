/** Reads a package from a stream without reading past the size limit (C39). */
import type { Readable } from 'node:stream';
import { tooLarge } from './parse-xml.ts';

/** Refuses at once when a declared length (e.g. Content-Length) is over the limit. */
export function checkDeclaredLength(declared: number | undefined, maxBytes: number): void {
  if (declared !== undefined && declared > maxBytes) throw tooLarge(maxBytes);
}

export async function readPackageBytes(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > maxBytes) {
      stream.destroy();
      throw tooLarge(maxBytes);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, total);
}
