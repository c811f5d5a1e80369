/**
 * The bytes of a received package, read by offset: a buffer (small packages, tests) or a local file
 * (a large package spooled by the transport, or read back from the file store), read in windows so
 * that no package-sized buffer exists. Reads are synchronous: the scanner and the decoders are.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

export interface PackageBytes {
  readonly length: number;
  /** Bytes [start, end): a view of a buffer, or a fresh copy read from the file (never reused). */
  read(start: number, end: number): Buffer;
  /** Set for a file: the package is compacted before parsing (compact.ts). */
  readonly file?: string;
}

const WINDOW = 1 << 20;

export function bufferBytes(buf: Buffer): PackageBytes {
  return { length: buf.length, read: (start, end) => buf.subarray(start, end) };
}

/**
 * A file read through a 1 MiB window: small reads inside the window (the compactor's look-backs)
 * cost no system call. The file is opened per read, so nothing is left open whatever happens.
 */
export function fileBytes(file: string, size: number): PackageBytes {
  let windowStart = 0;
  let window: Buffer = Buffer.alloc(0);
  const readAt = (start: number, length: number): Buffer => {
    const out = Buffer.allocUnsafe(length);
    const fd = openSync(file, 'r');
    try {
      let n = 0;
      while (n < length) {
        const r = readSync(fd, out, n, length - n, start + n);
        if (r === 0) break;
        n += r;
      }
      return n === length ? out : out.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  };
  return {
    length: size,
    file,
    read(start, end) {
      const from = Math.max(0, start);
      const to = Math.min(size, end);
      if (to <= from) return Buffer.alloc(0);
      if (to - from > WINDOW) return readAt(from, to - from);
      if (from < windowStart || to > windowStart + window.length) {
        windowStart = from;
        window = readAt(from, Math.min(size, from + WINDOW) - from);
      }
      return window.subarray(from - windowStart, to - windowStart);
    },
  };
}

/** SHA-256 (hex) of all the bytes, read in windows. */
export function sha256Of(src: PackageBytes): string {
  const h = createHash('sha256');
  for (let p = 0; p < src.length; p += WINDOW) h.update(src.read(p, Math.min(src.length, p + WINDOW)));
  return h.digest('hex');
}
