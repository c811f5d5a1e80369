import type { Readable } from 'node:stream';

export interface StoredFile {
  sha256: string;
  size: number;
  /** Media type found by sniffing the bytes, never taken from the file name. */
  mediaType: string;
}

/**
 * Content-addressed file storage (local disk now, S3-compatible later). Files are immutable:
 * the same bytes always have the same key, and storing them twice keeps one copy.
 */
export interface FileStore {
  /** Streams bytes in, refusing more than maxBytes and (when given) a type outside `allow`. */
  put(source: Readable, options: { maxBytes: number; allow?: readonly string[]; declaredType?: string }): Promise<StoredFile>;
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
}
