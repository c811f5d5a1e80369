import type { Readable } from 'node:stream';

export interface StoredFile {
  sha256: string;
  size: number;
  /** Media type found by sniffing the bytes, never taken from the file name. */
  mediaType: string;
}

export interface PutOptions {
  /** More bytes than this stop the upload: nothing is kept. */
  maxBytes: number;
  /** Sniffed media types accepted; absent means any. */
  allow?: readonly string[];
  /** What the sender says the file is (Content-Type, or the name's extension); content that says otherwise is refused. */
  declaredType?: string;
}

/**
 * Content-addressed file storage (local disk now, S3-compatible later). Files are immutable:
 * the same bytes always have the same key, and storing them twice keeps one copy. A refused
 * put (too large, type not allowed, type mismatch) leaves nothing behind. Keys are SHA-256 hex
 * digests only, so no adapter ever sees a user-supplied path.
 */
export interface FileStore {
  /** Streams bytes in; resolves once they are durably stored under their digest. */
  put(source: Readable, options: PutOptions): Promise<StoredFile>;
  /** The stored bytes; rejects with NOT_FOUND for an unknown digest. */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
}
