import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError, ErrorCode } from '../../app/errors.ts';
import type { FileStore, PutOptions, StoredFile } from '../../app/ports/file-store.ts';
import { HEAD_BYTES, TAIL_BYTES, isZip, labelOf, matchesDeclared, normaliseMediaType, sniff, type SniffResult } from './sniff.ts';

/** Content-addressed files on local disk: DIR/ab/cd/<sha256>; uploads in progress in DIR/tmp. */
export class LocalFileStore implements FileStore {
  constructor(private readonly dir: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError(ErrorCode.NOT_FOUND, 'Tệp không tồn tại');
    return path.join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: Readable, options: PutOptions): Promise<StoredFile> {
    await mkdir(path.join(this.dir, 'tmp'), { recursive: true });
    const tmp = path.join(this.dir, 'tmp', randomUUID());
    const hash = createHash('sha256');
    const handle = await open(tmp, 'wx', 0o600);
    let size = 0;
    let head: Buffer = Buffer.alloc(0);
    let tail: Buffer = Buffer.alloc(0);
    let decided: SniffResult | undefined;
    try {
      // Not destroying the source on early exit lets an HTTP caller still answer the client.
      for await (const chunk of source.iterator({ destroyOnReturn: false })) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        size += buf.length;
        if (size > options.maxBytes) throw tooLarge(options.maxBytes);
        if (head.length < HEAD_BYTES) {
          head = Buffer.concat([head, buf.subarray(0, HEAD_BYTES - head.length)]);
          // Refuse early when the head alone decides: no need to take in the rest of an executable.
          if (head.length >= HEAD_BYTES && !decided) {
            const early = sniff(head);
            if (!isZip(early.mediaType)) {
              check(early, options);
              decided = early;
            }
          }
        }
        tail = keepTail(tail, buf);
        hash.update(buf);
        await handle.write(buf);
      }
      await handle.close();
      const found = decided ?? sniff(head, { tail, complete: size <= HEAD_BYTES });
      check(found, options);
      const sha256 = hash.digest('hex');
      const target = this.pathOf(sha256);
      if (await exists(target)) {
        await rm(tmp, { force: true });
      } else {
        await mkdir(path.dirname(target), { recursive: true });
        await rename(tmp, target);
      }
      return { sha256, size, mediaType: found.mediaType };
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(tmp, { force: true });
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable> {
    const p = this.pathOf(sha256);
    if (!(await exists(p))) throw new AppError(ErrorCode.NOT_FOUND, 'Tệp không tồn tại');
    return createReadStream(p);
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }
}

function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

function keepTail(tail: Buffer, chunk: Buffer): Buffer {
  if (chunk.length >= TAIL_BYTES) return Buffer.from(chunk.subarray(chunk.length - TAIL_BYTES));
  const joined = Buffer.concat([tail, chunk]);
  return joined.length > TAIL_BYTES ? joined.subarray(joined.length - TAIL_BYTES) : joined;
}

function tooLarge(maxBytes: number): AppError {
  const limit = maxBytes >= 1048576 ? `${Math.floor(maxBytes / 1048576)} MB` : `${maxBytes} byte`;
  return new AppError(ErrorCode.FILE_TOO_LARGE, `Tệp vượt quá dung lượng cho phép (${limit}).`, { maxBytes });
}

function check(found: SniffResult, options: PutOptions): void {
  if (options.allow && !options.allow.includes(found.mediaType)) {
    throw new AppError(
      ErrorCode.FILE_TYPE_NOT_ALLOWED,
      `Loại tệp không được phép: nội dung là ${found.label}. Chỉ nhận: ${options.allow.map(labelOf).join(', ')}.`,
      { detected: found.mediaType, executable: found.executable },
    );
  }
  if (options.declaredType && !matchesDeclared(options.declaredType, found.mediaType)) {
    throw new AppError(
      ErrorCode.FILE_TYPE_MISMATCH,
      `Nội dung tệp là ${found.label}, không khớp với loại đã khai báo (${labelOf(normaliseMediaType(options.declaredType))}).`,
      { detected: found.mediaType, declared: options.declaredType },
    );
  }
}
