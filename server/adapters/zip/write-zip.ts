/**
 * The one ZIP writer (PKWARE APPNOTE 6.3: local headers, central directory, end record; deflate;
 * sizes in the local header, no data descriptor). Serves the hub's single-entry attachment ZIP,
 * whose bytes must not change (exchange.md §2.9, C9), and the case-file export. Held in memory;
 * no ZIP64, so an archive stays under 4 GiB and 65 535 entries.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  bytes: Buffer;
}

/** DOS date and time fields as stored (ZIP keeps no zone). */
export interface DosStamp {
  date: number;
  time: number;
}

export interface ZipOptions {
  /** Written on every entry. */
  modified: DosStamp;
  /** Flag bit 11 (UTF-8 names) on every entry, or only on a name that is not printable ASCII. */
  utf8Flag: 'always' | 'non-ascii';
}

/** 1980-01-01 00:00, the earliest DOS time: a fixed stamp makes the same content give the same bytes. */
export const DOS_EPOCH: DosStamp = { date: (0 << 9) | (1 << 5) | 1, time: 0 };

/** The DOS stamp of a wall-clock instant (read with getUTC*, so pass a Date already shifted to local time). */
export function dosStamp(wallClock: Date): DosStamp {
  return {
    time: (wallClock.getUTCHours() << 11) | (wallClock.getUTCMinutes() << 5) | Math.floor(wallClock.getUTCSeconds() / 2),
    date: ((Math.max(wallClock.getUTCFullYear(), 1980) - 1980) << 9) | ((wallClock.getUTCMonth() + 1) << 5) | wallClock.getUTCDate(),
  };
}

/** Fields shared by the local header (from offset 4) and the central directory entry (from offset 6). */
function writeCommon(header: Buffer, at: number, flag: number, stamp: DosStamp, crc: number, compressed: number, size: number, nameLength: number): void {
  header.writeUInt16LE(flag, at);
  header.writeUInt16LE(8, at + 2);
  header.writeUInt16LE(stamp.time, at + 4);
  header.writeUInt16LE(stamp.date, at + 6);
  header.writeUInt32LE(crc, at + 8);
  header.writeUInt32LE(compressed, at + 12);
  header.writeUInt32LE(size, at + 16);
  header.writeUInt16LE(nameLength, at + 20);
}

export function writeZip(entries: readonly ZipEntry[], options: ZipOptions): Buffer {
  if (entries.length > 0xffff) throw new RangeError('zip: too many entries');
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const flag = options.utf8Flag === 'always' || !/^[\x20-\x7e]*$/.test(e.name) ? 0x800 : 0;
    const data = deflateRawSync(e.bytes, { level: 6 });
    const crc = crc32(e.bytes);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    writeCommon(local, 6, flag, options.modified, crc, data.length, e.bytes.length, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    writeCommon(central, 8, flag, options.modified, crc, data.length, e.bytes.length, name.length);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  if (offset + directory.length > 0xffffffff) throw new RangeError('zip: archive over 4 GiB');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}
