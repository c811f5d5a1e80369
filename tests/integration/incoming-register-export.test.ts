import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from './harness.ts';
import { arriveFromStc, pinFakeSigning, FakeSigning, incomingDeps } from './incoming-helpers.ts';

describeEachEngine('incoming register: screen, XLSX and PDF with the Decree 30 columns', { seed: true }, (env) => {
  beforeEach(() => pinFakeSigning(env(), new FakeSigning()));
  it('the register lists registered documents in arrival order; the XLSX read back has the 10 headed columns and the rows; the PDF carries Vietnamese text', async () => {
    const e = env();
    e.clock.set('2026-03-02T02:00:00Z');
    const deps = incomingDeps(e, new FakeSigning());
    const clerk = await e.login('vanthu.snv');
    for (const n of ['71', '72']) {
      const a = await arriveFromStc(e, deps, { number: n, subject: `Về việc tuyển dụng công chức đợt ${n}` });
      expect((await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/register`, payload: {} })).statusCode).toBe(200);
    }
    const screen = await e.request(clerk, { method: 'GET', url: '/api/incoming-register?year=2026' });
    expect(screen.statusCode, screen.body).toBe(200);
    const lines = (screen.json() as { lines: { arrivalNumber: string; author: string; numberNotation: string; arrivalDate: string; receipt: string }[] }).lines;
    expect(lines.map((l) => [l.arrivalNumber, l.numberNotation, l.arrivalDate])).toEqual([['01', '71/STC-NS', '02/03/2026'], ['02', '72/STC-NS', '02/03/2026']]);
    expect(lines[0]!.receipt).toContain('Võ Thị Hạnh');

    const xlsx = await e.request(clerk, { method: 'GET', url: '/api/incoming-register/export?format=xlsx&year=2026' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const head = rows.findIndex((r) => r[0] === 'Ngày đến');
    expect(rows[head]).toEqual(['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu', 'Ngày tháng', 'Tên loại và trích yếu nội dung', 'Đơn vị hoặc người nhận', 'Ngày chuyển', 'Ký nhận', 'Ghi chú']);
    expect(rows[head + 1]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(rows[head + 2]!.slice(0, 5)).toEqual(['02/03/2026', '01', 'Sở Tài chính tỉnh Bạc Liêu', '71/STC-NS', '27/02/2026']);
    expect(rows[head + 2]![5]).toBe('Công văn — Về việc tuyển dụng công chức đợt 71');
    expect(rows).toHaveLength(head + 4);

    const pdf = await e.request(clerk, { method: 'GET', url: '/api/incoming-register/export?format=pdf&year=2026' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(tmpdir(), 'lt-reg-'));
    writeFileSync(path.join(dir, 'so.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'so.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(text).toContain('Tên loại và trích yếu nội dung');
    expect(text).toContain('tuyển dụng công');
    expect(text).toContain('Võ Thị Hạnh');

    // Specialists do not read registers.
    const specialist = await e.login('chuyenvien.snv');
    expect((await e.request(specialist, { method: 'GET', url: '/api/incoming-register' })).statusCode).toBe(403);
  });
});
