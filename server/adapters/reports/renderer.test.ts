import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { EvaluationDocument } from '../../app/ports/report-renderer.ts';
import { COLUMNS } from '../../app/reports/evaluation-columns.ts';
import { presentReport } from '../../app/reports/get-province-indicators.ts';
import { asOfInstant, previousPeriod } from '../../domain/report/period.ts';
import { DEFINITION_VERSION, provinceReport } from '../../domain/report/province-report.ts';
import { EXPECTED } from '../../domain/report/testing/expected.ts';
import { C, D, F, FIXTURE_AGENCIES, FIXTURE_CALENDAR, FIXTURE_FACTS, FIXTURE_PERIOD, S } from '../../domain/report/testing/fixture.ts';
import { renderPdf } from './pdf-report.ts';
import { renderXlsx } from './xlsx-report.ts';

function evaluation(): EvaluationDocument {
  const prev = previousPeriod(FIXTURE_PERIOD);
  const ctx = (p: typeof FIXTURE_PERIOD) => ({ period: p, asOf: asOfInstant(p), calendar: FIXTURE_CALENDAR });
  return {
    preset: 'half_year', period: FIXTURE_PERIOD, previousPeriod: prev, asOf: asOfInstant(FIXTURE_PERIOD), generatedAt: new Date('2026-07-01T01:00:00Z'),
    definitionVersion: DEFINITION_VERSION,
    current: presentReport(provinceReport(FIXTURE_AGENCIES, FIXTURE_FACTS, ctx(FIXTURE_PERIOD))),
    previous: presentReport(provinceReport(FIXTURE_AGENCIES, FIXTURE_FACTS, ctx(prev))),
    comments: [{ id: 'c1', period: FIXTURE_PERIOD, agencyId: C, authorName: 'Lê Thị Giám', body: 'Đề nghị UBND xã bố trí văn thư trực hệ thống hằng ngày.', createdAt: new Date('2026-07-01T00:00:00Z') }],
    agencyNames: Object.fromEntries(FIXTURE_AGENCIES.map((a) => [a.id, a.name])),
  };
}

describe('evaluation report files', () => {
  it('the XLSX read back has every agency’s indicator values, "–" for empty denominators', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(evaluation())).buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo cơ quan', 'R15', 'Ý kiến giám sát']);
    const ws = wb.getWorksheet('Theo cơ quan')!;
    let header: string[] = [];
    const rows = new Map<string, unknown[]>();
    ws.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values[0] === 'Cơ quan') header = values as string[];
      else if (typeof values[0] === 'string') rows.set(values[0], values);
    });
    for (const [id, name] of [[S, 'Sở Nội vụ'], [F, 'Sở Tài chính'], [D, 'UBND huyện Hòa Bình'], [C, 'UBND xã Vĩnh Mỹ A']] as const) {
      const row = rows.get(name)!;
      for (const c of COLUMNS) {
        const expected = c.value(EXPECTED[id]!);
        expect(row[header.indexOf(c.header)], `${name} ${c.header}`).toBe(expected === null ? '–' : expected);
      }
    }
    // spot checks written out, so the test does not only compare the code with itself
    expect(rows.get('UBND huyện Hòa Bình')![header.indexOf('R6 Tỷ lệ nhận điện tử (%)')]).toBe(44.4);
    expect(rows.get('UBND xã Vĩnh Mỹ A')![header.indexOf('R11 Gửi → đăng ký, trung bình (giờ)')]).toBe(1.6);
    expect(rows.get('Sở Tài chính')![header.indexOf('R12 Xử lý đúng hạn (%)')]).toBe('–');
    const summary = wb.getWorksheet('Tổng hợp')!;
    const r10 = (summary.getSheetValues() as unknown[][]).find((r) => r?.[1] === 'R10 Đăng ký đúng hạn (%)')!;
    // previous half-year: i15 arrived Tue 30/12/2025, limit end of 31/12 = that T, not registered by then: 0 / 1
    expect(r10.slice(1, 5)).toEqual(['R10 Đăng ký đúng hạn (%)', 57.1, 0, 57.1]);
    const comments = wb.getWorksheet('Ý kiến giám sát')!.getSheetValues() as unknown[][];
    expect(comments.some((r) => r?.[4] === 'Đề nghị UBND xã bố trí văn thư trực hệ thống hằng ngày.' && r[3] === 'UBND xã Vĩnh Mỹ A')).toBe(true);
  });

  it('pdftotext of the PDF shows the Vietnamese headings intact (embedded font)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lt-report-'));
    try {
      const file = path.join(dir, 'bao-cao.pdf');
      writeFileSync(file, await renderPdf(evaluation()));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const heading of ['BÁO CÁO ĐÁNH GIÁ ĐỊNH KỲ 6 THÁNG', 'Tình hình gửi, nhận văn bản điện tử qua trục liên thông văn bản của tỉnh', 'I. Tổng hợp toàn tỉnh',
        'II. Chỉ số theo cơ quan', 'III. Cơ quan chưa kết nối, không tiếp nhận, không hoạt động (R15)', 'IV. Ý kiến của giám sát',
        'Kỳ báo cáo: 01/01/2026 – 30/06/2026', 'UBND xã Vĩnh Mỹ A', 'không có văn thư đang hoạt động', 'Đề nghị UBND xã bố trí văn thư trực hệ thống hằng ngày.']) {
        expect(text).toContain(heading);
      }
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      expect(fonts).toMatch(/TrueType|CID/);
      expect(fonts.split('\n').slice(2).filter(Boolean).every((l) => /\syes\s+yes\s/.test(l))).toBe(true); // embedded, subset
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
