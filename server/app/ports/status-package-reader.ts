import type { StatusPackage } from '../../domain/exchange/package.ts';

/** Reads a business status package (exchange.md §3.1) received for one of our agencies. */
export interface StatusPackageReader {
  /** Throws when the bytes are not a status package. */
  readStatus(bytes: Buffer): StatusPackage;
}
