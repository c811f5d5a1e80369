/**
 * Raw bodies (EDXML packages from peer hubs) read into ONE buffer: with a Content-Length the bytes
 * are copied into a buffer of that size as they arrive, so a 100 MB package is held once, not as
 * its chunks plus their concatenation (what `parseAs: 'buffer'` does). Too long → 413, a body
 * shorter or longer than declared → 400, as Fastify's own parser answers.
 */
import type { IncomingMessage } from 'node:http';

function httpError(statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { statusCode });
}

export async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const header = req.headers['content-length'];
  const declared = header === undefined ? undefined : Number(header);
  if (declared !== undefined && (!Number.isSafeInteger(declared) || declared < 0)) throw httpError(400, 'Content-Length không hợp lệ');
  if (declared !== undefined && declared > limit) throw httpError(413, 'Thân yêu cầu quá lớn');
  const out = declared !== undefined ? Buffer.allocUnsafe(declared) : undefined;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    if (total + b.length > limit) throw httpError(413, 'Thân yêu cầu quá lớn');
    if (out) {
      if (total + b.length > out.length) throw httpError(400, 'Thân yêu cầu dài hơn Content-Length');
      b.copy(out, total);
    } else {
      chunks.push(b);
    }
    total += b.length;
  }
  if (out && total !== out.length) throw httpError(400, 'Thân yêu cầu ngắn hơn Content-Length');
  return out ?? Buffer.concat(chunks, total);
}
