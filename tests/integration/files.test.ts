import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { expect, it } from 'vitest';
import { describeEachEngine, type TestEnv } from './harness.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(3000, 0x41)]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

/** Every stored object and leftover temporary file in the test's file store. */
function storedFiles(e: TestEnv): string[] {
  const dir = e.config.fileStore.dir;
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as { isFile(): boolean; name: string }[]).filter((f) => f.isFile()).map((f) => f.name).sort();
}

async function fileRows(e: TestEnv): Promise<number> {
  const row = await e.database.db.selectFrom('files').select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const upload = (body: Buffer | Readable, name: string, contentType = 'application/octet-stream') => ({
  method: 'POST' as const,
  url: '/api/files',
  payload: body,
  headers: { 'content-type': contentType, 'x-file-name': encodeURIComponent(name) },
});

describeEachEngine('file store over HTTP', { seed: true }, (env) => {
  it('stores an upload by its content, and gives it back to the own agency only, as an attachment', async () => {
    const e = env();
    const clerk = await e.login('vanthu.snv');
    const res = await e.request(clerk, upload(PDF, 'Công văn số 12.pdf', 'application/pdf'));
    expect(res.statusCode, res.body).toBe(201);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(res.json()).toMatchObject({ name: 'Công văn số 12.pdf', size: PDF.length, mediaType: 'application/pdf', sha256 });
    expect(storedFiles(e)).toContain(sha256);
    const event = await e.database.db.selectFrom('audit_events').selectAll().where('type', '=', 'file.stored').where('subject_id', '=', res.json().id).executeTakeFirst();
    expect(event?.data).toMatchObject({ sha256, size: PDF.length });

    const download = await e.request(clerk, { method: 'GET', url: `/api/files/${res.json().id}` });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Cong van so 12.pdf"; filename*=UTF-8''${encodeURIComponent('Công văn số 12.pdf')}`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    const outsider = await e.login('vanthu.stc');
    const foreign = await e.request(outsider, { method: 'GET', url: `/api/files/${res.json().id}` });
    expect(foreign.statusCode).toBe(404);
    const missing = await e.request(outsider, { method: 'GET', url: '/api/files/00000000-0000-4000-8000-000000000000' });
    expect(foreign.json().message).toBe(missing.json().message);
  });

  it('refuses an executable renamed .pdf, naming what it really is, and keeps nothing of it', async () => {
    const e = env();
    const clerk = await e.login('vanthu.snv');
    const [filesBefore, rowsBefore] = [storedFiles(e), await fileRows(e)];
    const asPdf = await e.request(clerk, upload(EXE, 'bao-cao.pdf', 'application/pdf'));
    expect(asPdf.statusCode).toBe(415);
    expect(asPdf.json()).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED', message: expect.stringContaining('tệp thực thi Windows (PE/MZ)') });
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(20_000, 1)]);
    const byName = await e.request(clerk, upload(elf, 'bao-cao.pdf'));
    expect(byName.statusCode).toBe(415);
    expect(byName.json().message).toContain('tệp thực thi Linux (ELF)');
    expect(storedFiles(e)).toEqual(filesBefore);
    expect(await fileRows(e)).toBe(rowsBefore);
  });

  it('refuses content that contradicts its declared type or its name', async () => {
    const e = env();
    const clerk = await e.login('vanthu.snv');
    const rowsBefore = await fileRows(e);
    const declared = await e.request(clerk, upload(PNG, 'anh.pdf', 'application/pdf'));
    expect(declared.statusCode).toBe(415);
    expect(declared.json()).toMatchObject({ code: 'FILE_TYPE_MISMATCH', message: expect.stringContaining('ảnh PNG') });
    const named = await e.request(clerk, upload(PNG, 'anh.pdf'));
    expect(named.json().code).toBe('FILE_TYPE_MISMATCH');
    const honest = await e.request(clerk, upload(PNG, 'anh.png'));
    expect(honest.statusCode, honest.body).toBe(201);
    expect(await fileRows(e)).toBe(rowsBefore + 1);
  });

  it('refuses an oversize upload, announced or streamed, and stores nothing', async () => {
    const e = env();
    const clerk = await e.login('vanthu.snv');
    const [filesBefore, rowsBefore] = [storedFiles(e), await fileRows(e)];
    const limit = e.config.fileStore.maxUploadBytes;
    e.config.fileStore.maxUploadBytes = 4096;
    try {
      const big = Buffer.concat([PDF, Buffer.alloc(10_000, 0x20)]);
      const announced = await e.request(clerk, upload(big, 'lon.pdf', 'application/pdf'));
      expect(announced.statusCode).toBe(413);
      expect(announced.json()).toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('vượt quá dung lượng') });
      // Chunked, with no length announced: the store stops at the limit.
      const streamed = await e.request(clerk, upload(Readable.from([big.subarray(0, 3000), big.subarray(3000, 6000), big.subarray(6000)]), 'lon.pdf', 'application/pdf'));
      expect(streamed.statusCode).toBe(413);
    } finally {
      e.config.fileStore.maxUploadBytes = limit;
    }
    expect(storedFiles(e)).toEqual(filesBefore);
    expect(await fileRows(e)).toBe(rowsBefore);
  });

  it('keeps one copy of the same bytes uploaded twice, and refuses uploads without a name', async () => {
    const e = env();
    const clerk = await e.login('vanthu.snv');
    const xml = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><edXML><Header/></edXML>');
    const first = await e.request(clerk, upload(xml, 'goi-tin.xml'));
    const second = await e.request(clerk, upload(xml, 'goi-tin-ban-sao.xml', 'text/xml'));
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(first.json().id).not.toBe(second.json().id);
    expect(storedFiles(e).filter((f) => f === first.json().sha256)).toHaveLength(1);
    const nameless = await e.request(clerk, { method: 'POST', url: '/api/files', payload: xml, headers: { 'content-type': 'application/xml' } });
    expect(nameless.statusCode).toBe(400);
  });
});
