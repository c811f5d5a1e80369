import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { FileCaDirectory } from '../ca/ca-store.ts';
import { initTestCa, type AgencyEntry, type SignerEntry } from '../ca/test-ca.ts';
import type { KeyEncryptionKey } from '../keys/key-encryption.ts';
import { LocalSigner } from '../signers/local-signer.ts';
import { kekFromBase64 } from '../signing-config.ts';

/** Shared set-up for the signing tests: a test CA in a temporary folder and sample PDFs. */
export const AGENCIES: AgencyEntry[] = [
  { code: 'SXD', name: 'Sở Xây dựng', parentName: 'UBND tỉnh Bạc Liêu' },
  { code: 'STC', name: 'Sở Tài chính', parentName: 'UBND tỉnh Bạc Liêu' },
];
export const SIGNERS: SignerEntry[] = [
  { username: 'gd.sxd', fullName: 'Nguyễn Văn Ánh', agencyCode: 'SXD' },
  { username: 'pgd.sxd', fullName: 'Trần Thị Hương', agencyCode: 'SXD' },
];

export interface TestPki {
  dir: string;
  ca: FileCaDirectory;
  kek: KeyEncryptionKey;
  signer: LocalSigner;
}

export async function createTestPki(now?: Date, crlUrl = 'http://localhost:3000/ca/root.crl'): Promise<TestPki> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lienthong-ca-'));
  const ca = new FileCaDirectory(dir);
  const kek = kekFromBase64(randomBytes(32).toString('base64'));
  await initTestCa(
    { store: ca, keyStore: ca.keyStore, kek, ...(now ? { now } : {}) },
    { agencies: AGENCIES, signers: SIGNERS, crlUrl, rootKeyBits: 2048 },
  );
  return { dir, ca, kek, signer: new LocalSigner(ca.keyStore, kek) };
}

/** A plain A4 document with a signature block, like a công văn's last page. */
export async function samplePdf(pages = 1, options: { objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Trang ${i + 1}`, { x: 60, y: 780, size: 12, font });
    page.drawText('GIAM DOC', { x: 380, y: 300, size: 12, font });
    page.drawText('Nguyen Van Anh', { x: 375, y: 200, size: 12, font });
  }
  return doc.save({ useObjectStreams: options.objectStreams ?? false });
}

/** Signer box (box 7c) used by the tests: between the title and the name. */
export const SIGNER_BOX = { x: 370, y: 215, width: 120, height: 72 };

/** Fails with a clear message when a Poppler tool is missing (CI installs poppler-utils). */
export function requireTool(tool: string, apt: string): string {
  try {
    return execFileSync('which', [tool], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${tool} is not installed: install the Debian package ${apt} (.ci/run does this on CI)`);
  }
}

export function hasTool(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A PNG with a transparent background and a red ring: what an agency uploads as its seal. */
export function redRingPng(size: number): Uint8Array {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c, y - c);
      const inRing = r <= c && r >= c * 0.8;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = 220;
      raw[o + 1] = 20;
      raw[o + 2] = 30;
      raw[o + 3] = inRing ? 255 : 0;
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  );
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
