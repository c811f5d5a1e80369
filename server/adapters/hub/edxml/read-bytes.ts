/** Reads a package from a stream without reading past the size limit (C39), holding it once. */
import type { Readable } from 'node:stream';
import { tooLarge } from './parse-xml.ts';

/** Refuses at once when a declared length (e.g. Content-Length) is over the limit. */
export function checkDeclaredLength(declared: number | undefined, maxBytes: number): void {
  if (declared !== undefined && declared > maxBytes) throw tooLarge(maxBytes);
}

/**
 * With a declared length the bytes are copied into one buffer of that size as they arrive (one copy
 * alive, not the chunks plus their concatenation); a body longer than declared is refused. Without
 * one, the chunks are joined at the end.
 */
export async function readPackageBytes(stream: Readable, maxBytes: number, declaredLength?: number): Promise<Buffer> {
  checkDeclaredLength(declaredLength, maxBytes);
  const out = declaredLength !== undefined ? Buffer.allocUnsafe(declaredLength) : undefined;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    if (total + b.length > maxBytes || (out && total + b.length > out.length)) {
      stream.destroy();
      throw tooLarge(out ? Math.min(out.length, maxBytes) : maxBytes);
    }
    if (out) b.copy(out, total);
    else chunks.push(b);
    total += b.length;
  }
  return out ? out.subarray(0, total) : Buffer.concat(chunks, total);
}
