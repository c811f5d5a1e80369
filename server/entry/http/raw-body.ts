/**
 * Raw bodies (EDXML packages from peer hubs). Up to SPOOL_THRESHOLD_BYTES they are read into ONE
 * buffer (of the Content-Length when given: a body is held once, not as its chunks plus their
 * concatenation, which is what `parseAs: 'buffer'` does). A larger body is written to a temporary
 * file in the spool directory while it is hashed (spool.ts), so a 100 MB package is never one buffer.
 * Too long → 413, a body shorter or longer than declared → 400, as Fastify's own parser answers; a
 * body refused or cut off half-way leaves no file.
 */
import { createHash, randomUUID } from 'node:crypto';
import { open, rm, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { SpooledPackage } from '../../app/ports/hub-wire.ts';
import { ensureSpoolDir, SPOOL_THRESHOLD_BYTES, spooledPackage } from './spool.ts';

function httpError(statusCode: number, message: string): Error {
  return Object.assign(new Error(message), { statusCode });
}

export async function readRawBody(req: IncomingMessage, limit: number, spoolDir?: string): Promise<Buffer | SpooledPackage> {
  const header = req.headers['content-length'];
  const declared = header === undefined ? undefined : Number(header);
  if (declared !== undefined && (!Number.isSafeInteger(declared) || declared < 0)) throw httpError(400, 'Content-Length không hợp lệ');
  if (declared !== undefined && declared > limit) throw httpError(413, 'Thân yêu cầu quá lớn');
  const spooling = spoolDir !== undefined;
  const out = declared !== undefined && !(spooling && declared > SPOOL_THRESHOLD_BYTES) ? Buffer.allocUnsafe(declared) : undefined;
  const chunks: Buffer[] = [];
  let total = 0;
  let file: { path: string; handle: FileHandle } | undefined;
  const hash = createHash('sha256');
  try {
    for await (const chunk of req) {
      const b = chunk as Buffer;
      if (total + b.length > limit) throw httpError(413, 'Thân yêu cầu quá lớn');
      if (declared !== undefined && total + b.length > declared) throw httpError(400, 'Thân yêu cầu dài hơn Content-Length');
      if (out) {
        b.copy(out, total);
      } else if (file) {
        hash.update(b);
        await file.handle.write(b);
      } else {
        chunks.push(b);
        if (spooling && total + b.length > SPOOL_THRESHOLD_BYTES) {
          await ensureSpoolDir(spoolDir);
          const p = path.join(spoolDir, `${process.pid}-${randomUUID()}`);
          file = { path: p, handle: await open(p, 'wx', 0o600) };
          for (const c of chunks.splice(0)) {
            hash.update(c);
            await file.handle.write(c);
          }
        }
      }
      total += b.length;
    }
    if (declared !== undefined && total !== declared) throw httpError(400, 'Thân yêu cầu ngắn hơn Content-Length');
    if (file) {
      await file.handle.close();
      return spooledPackage(file.path, total, hash.digest('hex'));
    }
    return out ?? Buffer.concat(chunks, total);
  } catch (error) {
    if (file) {
      await file.handle.close().catch(() => undefined);
      await rm(file.path, { force: true });
    }
    throw error;
  }
}
