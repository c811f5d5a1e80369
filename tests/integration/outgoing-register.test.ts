import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it, vi } from 'vitest';
import { requireTool } from '../../server/adapters/signing/testing/test-pki.ts';
import { describeEachEngine, NAMES } from './harness.ts';
import { loginAll, openRegisters, post, signedDocument } from './outgoing-helpers.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const COLUMNS = [
  'Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản',
  'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú',
];

describeEachEngine('the outgoing register (sổ văn bản đi): screen, XLSX and PDF with the Decree 30 columns', { seed: true }, (env) => {
  it('lists issued documents by number; the XLSX read back has the ten columns and the right rows; the PDF carries Vietnamese text', async () => {
    const e = env();
    await openRegisters(e);
    const a = await loginAll(e);
    const first = await signedDocument(e, a, [NAMES.STC]);
    const second = await signedDocument(e, a, [NAMES.STC, NAMES.UBND_TINH]);
    await post(e, a.clerk, `/api/outgoing/${first}/issue`);
    e.clock.advance(3 * 86_400_000);
    a.clerk = await e.login('vanthu.snv');
    a.specialist = await e.login('chuyenvien.snv');
    expect((await post(e, a.clerk, `/api/outgoing/${second}/issue`)).statusCode).toBe(200);

    const screenRes = await e.request(a.clerk, { method: 'GET', url: '/api/outgoing-register?year=2026' });
    expect(screenRes.statusCode, screenRes.body).toBe(200);
    const screen = screenRes.json();
    expect(screen.columns).toEqual(COLUMNS);
    expect(screen.rows.map((r: { numberAndNotation: string; documentDate: string; signer: string }) => [r.numberAndNotation, r.documentDate, r.signer])).toEqual([
      ['01/QĐ-SNV', '2026-03-02', 'Huỳnh Văn Đức'],
      ['02/QĐ-SNV', '2026-03-05', 'Huỳnh Văn Đức'],
    ]);
    const filtered = (await e.request(a.clerk, { method: 'GET', url: '/api/outgoing-register?year=2026&from=2026-03-03' })).json();
    expect(filtered.rows.map((r: { numberAndNotation: string }) => r.numberAndNotation)).toEqual(['02/QĐ-SNV']);
    expect((await e.request(a.specialist, { method: 'GET', url: '/api/outgoing-register?year=2026' })).statusCode).toBe(403);

    const xlsx = await e.request(a.clerk, { method: 'GET', url: '/api/outgoing-register/export?year=2026&format=xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    const headerRow = [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((n) => values(n)[0] === COLUMNS[0])!;
    expect(values(1)[0]).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(values(headerRow)).toEqual(COLUMNS);
    const rows = [values(headerRow + 2), values(headerRow + 3)];
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['01/QĐ-SNV', '2026-03-02', 'Quyết định: Quyết định về việc cử cán bộ đi học', 'Huỳnh Văn Đức'],
      ['02/QĐ-SNV', '2026-03-05', 'Quyết định: Quyết định về việc cử cán bộ đi học', 'Huỳnh Văn Đức'],
    ]);
    expect(String(rows[1]![4]).split('; ').sort()).toEqual([NAMES.STC, NAMES.UBND_TINH].sort());
    expect(rows[0]![6]).toBe(3);
    expect(rows[1]![7]).toBe('2026-03-05');
    expect(sheet.rowCount).toBe(headerRow + 3);

    const pdf = await e.request(a.clerk, { method: 'GET', url: '/api/outgoing-register/export?year=2026&format=pdf' });
    expect(pdf.statusCode).toBe(200);
    const work = mkdtempSync(path.join(tmpdir(), 'lt-reg-'));
    writeFileSync(path.join(work, 'so.pdf'), pdf.rawPayload);
    const text = execFileSync(requireTool('pdftotext', 'poppler-utils'), ['-layout', path.join(work, 'so.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(text).toContain('01/QĐ-SNV');
    expect(text).toContain('Huỳnh');
    expect(text).toContain('Người ký');
    const exported = await e.database.db.selectFrom('audit_events').select('type').where('type', '=', 'outgoing.register_exported').execute();
    expect(exported).toHaveLength(2);
  });
});
