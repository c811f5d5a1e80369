import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../app/errors.ts';
import { LocalFileStore } from './local-file-store.ts';
import { MEDIA } from './sniff.ts';

const ALLOW = [MEDIA.pdf, MEDIA.docx, MEDIA.xlsx, MEDIA.zip, MEDIA.png, MEDIA.jpeg, MEDIA.xml];
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let dir: string;
let store: LocalFileStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lt-files-'));
  store = new LocalFileStore(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file left under the store's folder, temporary ones included. */
function leftovers(): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as { isFile(): boolean; name: string }[]).filter((e) => e.isFile()).map((e) => e.name);
}

function chunks(...parts: Buffer[]): Readable {
  return Readable.from(parts);
}

describe('LocalFileStore', () => {
  it('stores by SHA-256, reports the sniffed type, and keeps one copy of the same bytes', async () => {
    const first = await store.put(chunks(PDF), { maxBytes: 1024, allow: ALLOW, declaredType: 'application/pdf' });
    expect(first).toEqual({ sha256: createHash('sha256').update(PDF).digest('hex'), size: PDF.length, mediaType: MEDIA.pdf });
    await store.put(chunks(PDF.subarray(0, 10), PDF.subarray(10)), { maxBytes: 1024 });
    expect(leftovers()).toEqual([first.sha256]);
    expect(await store.has(first.sha256)).toBe(true);
    expect(await text(await store.get(first.sha256))).toBe(PDF.toString());
  });

  it('refuses an executable renamed to .pdf, naming what it is, and leaves nothing behind', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(20_000, 1)]);
    const refused = store.put(chunks(exe), { maxBytes: 1 << 20, allow: ALLOW, declaredType: 'application/pdf' });
    await expect(refused).rejects.toMatchObject({ code: ErrorCode.FILE_TYPE_NOT_ALLOWED, message: expect.stringContaining('tệp thực thi Windows') });
    expect(leftovers()).toEqual([]);
  });

  it('refuses content that contradicts the declared type, even when that content is allowed', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const refused = store.put(chunks(png), { maxBytes: 1024, allow: ALLOW, declaredType: 'application/pdf' });
    await expect(refused).rejects.toMatchObject({ code: ErrorCode.FILE_TYPE_MISMATCH, message: expect.stringContaining('ảnh PNG') });
    expect(leftovers()).toEqual([]);
  });

  it('stops reading at the size limit without storing, and without draining the source', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 4096;
        this.push(Buffer.concat([PDF, Buffer.alloc(4096 - PDF.length, 0x20)]));
      },
    });
    await expect(store.put(endless, { maxBytes: 10_000 })).rejects.toMatchObject({ code: ErrorCode.FILE_TOO_LARGE });
    expect(produced).toBeLessThan(100_000);
    expect(leftovers()).toEqual([]);
  });

  it('removes the temporary file when the source fails mid-way', async () => {
    const failing = new Readable({
      read() {
        this.push(PDF);
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.put(failing, { maxBytes: 1 << 20 })).rejects.toThrow('client went away');
    expect(leftovers()).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown or malformed key', async () => {
    await expect(store.get('0'.repeat(64))).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
  });
});
