/**
 * The single-entry ZIP lienthong emits for an attachment (exchange.md §2.9, C9): one deflated entry,
 * sizes in the local header (no data descriptor), fixed DOS time 1980-01-01 00:00 and the UTF-8 flag
 * only for a non-ASCII name, so the same file always gives the same bytes.
 */
import { DOS_EPOCH, writeZip } from '../../zip/write-zip.ts';

export function writeSingleEntryZip(name: string, data: Buffer): Buffer {
  return writeZip([{ name, bytes: data }], { modified: DOS_EPOCH, utf8Flag: 'non-ascii' });
}
