import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError, ErrorCode } from '../../app/errors.ts';
import type { FileStore, StoredFile } from '../../app/ports/file-store.ts';

/** Content-addressed files on local disk: DIR/ab/cd/<sha256>. */
export class LocalFileStore implements FileStore {
  constructor(private readonly dir: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError(ErrorCode.NOT_FOUND, 'Tệp không tồn tại');
    return path.join(this.dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: Readable, options: { maxBytes: number }): Promise<StoredFile> {
    await mkdir(path.join(this.dir, 'tmp'), { recursive: true });
    const tmp = path.join(this.dir, 'tmp', randomUUID());
    const hash = createHash('sha256');
    const handle = await open(tmp, 'wx', 0o600);
    let size = 0;
    try {
      for await (const chunk of source) {
        const buf = chunk as Buffer;
        size += buf.length;
        if (size > options.maxBytes) {
          throw new AppError(ErrorCode.FILE_TOO_LARGE, `Tệp vượt quá dung lượng cho phép (${Math.floor(options.maxBytes / 1048576)} MB).`);
        }
        hash.update(buf);
        await handle.write(buf);
      }
      await handle.close();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(tmp, { force: true });
      throw error;
    }
    const sha256 = hash.digest('hex');
    const target = this.pathOf(sha256);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(tmp, target);
    return { sha256, size, mediaType: 'application/octet-stream' };
  }

  async get(sha256: string): Promise<Readable> {
    const p = this.pathOf(sha256);
    await access(p).catch(() => {
      throw new AppError(ErrorCode.NOT_FOUND, 'Tệp không tồn tại');
    });
    return createReadStream(p);
  }

  async has(sha256: string): Promise<boolean> {
    return access(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }
}
