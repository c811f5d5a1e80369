import type ExcelJS from 'exceljs';
import type { EvaluationDocument } from '../../app/ports/report-renderer.ts';
import { change, COLUMNS, LEVEL_LABELS, NOT_CONNECTED_LABELS, REPORT_SUBTITLE, REPORT_TITLES, vnDate } from '../../app/reports/evaluation-columns.ts';
import type { Indicators } from '../../domain/report/indicators.ts';
import { LEVEL_ORDER } from '../../domain/report/province-report.ts';

const DASH = '–';
const cell = (v: number | null): number | string => (v === null ? DASH : v);

function heading(ws: ExcelJS.Worksheet, doc: EvaluationDocument, what: string): void {
  ws.addRow([REPORT_TITLES[doc.preset]]).font = { bold: true, size: 14 };
  ws.addRow([REPORT_SUBTITLE]);
  ws.addRow([`Kỳ báo cáo: ${vnDate(doc.period.start)} – ${vnDate(doc.period.end)}; số liệu tính đến ${doc.asOf.toISOString()}; so sánh với kỳ ${vnDate(doc.previousPeriod.start)} – ${vnDate(doc.previousPeriod.end)}`]);
  ws.addRow([`Phiên bản định nghĩa chỉ số: ${doc.definitionVersion}; lập lúc ${doc.generatedAt.toISOString()}`]);
  ws.addRow([]);
  ws.addRow([what]).font = { bold: true };
}

function headerRow(ws: ExcelJS.Worksheet, values: string[]): void {
  const row = ws.addRow(values);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle' };
}

function summary(wb: ExcelJS.Workbook, doc: EvaluationDocument): void {
  const ws = wb.addWorksheet('Tổng hợp');
  heading(ws, doc, 'I. Tổng hợp toàn tỉnh (tỷ lệ tính trên tổng tử số và tổng mẫu số)');
  headerRow(ws, ['Chỉ số', 'Kỳ này', 'Kỳ trước', 'Thay đổi']);
  for (const c of COLUMNS) {
    const now = c.value(doc.current.province);
    const before = c.value(doc.previous.province);
    ws.addRow([c.header, cell(now), cell(before), cell(change(now, before))]);
  }
  ws.addRow([]);
  ws.addRow(['Theo cấp và theo huyện']).font = { bold: true };
  headerRow(ws, ['Nhóm', ...COLUMNS.map((c) => c.header)]);
  const group = (name: string, i: Indicators) => ws.addRow([name, ...COLUMNS.map((c) => cell(c.value(i)))]);
  for (const level of LEVEL_ORDER) group(LEVEL_LABELS[level], doc.current.levels[level]);
  for (const d of doc.current.districts) group(`${d.name} (cả cấp xã)`, d.indicators);
  ws.getColumn(1).width = 44;
}

function agencies(wb: ExcelJS.Workbook, doc: EvaluationDocument): void {
  const ws = wb.addWorksheet('Theo cơ quan');
  heading(ws, doc, 'II. Chỉ số theo cơ quan (theo cấp, rồi theo tên)');
  headerRow(ws, ['Cơ quan', 'Cấp', ...COLUMNS.map((c) => c.header), 'Thay đổi R1', 'Thay đổi R6 (điểm %)', 'Thay đổi R10 (điểm %)', 'Thay đổi R12 (điểm %)']);
  const before = new Map(doc.previous.agencies.map((a) => [a.agencyId, a.indicators]));
  for (const a of doc.current.agencies) {
    const p = before.get(a.agencyId);
    const delta = (id: string) => {
      const col = COLUMNS.find((c) => c.id === id)!;
      return cell(p ? change(col.value(a.indicators), col.value(p)) : null);
    };
    ws.addRow([a.name, LEVEL_LABELS[a.level], ...COLUMNS.map((c) => cell(c.value(a.indicators))), delta('r1'), delta('r6'), delta('r10'), delta('r12')]);
  }
  ws.getColumn(1).width = 48;
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 7 }];
}

function lists(wb: ExcelJS.Workbook, doc: EvaluationDocument): void {
  const ws = wb.addWorksheet('R15');
  heading(ws, doc, 'III. R15 – Cơ quan chưa kết nối, không tiếp nhận, không hoạt động');
  const r15 = doc.current.r15;
  ws.addRow([`Chưa kết nối tại thời điểm T (${r15.notConnected.length})`]).font = { bold: true };
  for (const a of r15.notConnected) ws.addRow([a.name, a.reasons.map((r) => NOT_CONNECTED_LABELS[r]).join('; ')]);
  ws.addRow([]);
  ws.addRow([`Không tiếp nhận trong kỳ (${r15.notReceiving.length})`]).font = { bold: true };
  headerRow(ws, ['Cơ quan', 'Văn bản đến đăng ký trễ hạn', 'Lượt gửi đến thất bại, hết hạn']);
  for (const a of r15.notReceiving) ws.addRow([a.name, a.lateArrivals, a.failedDeliveries]);
  ws.addRow([]);
  ws.addRow([`Không hoạt động trong kỳ: R1 = 0 và R4 = 0 (${r15.inactive.length})`]).font = { bold: true };
  for (const a of r15.inactive) ws.addRow([a.name]);
  ws.addRow([]);
  ws.addRow(['Lý do kèm bản giấy (R7) và lý do từ chối (R14), toàn tỉnh']).font = { bold: true };
  for (const [reason, n] of Object.entries(doc.current.province.r7.reasons)) ws.addRow(['R7', reason, n]);
  for (const [reason, n] of Object.entries(doc.current.province.r14.reasonsGiven)) ws.addRow(['R14 đã từ chối', reason, n]);
  for (const [reason, n] of Object.entries(doc.current.province.r14.reasonsReceived)) ws.addRow(['R14 bị từ chối', reason, n]);
  ws.getColumn(1).width = 56;
  ws.getColumn(2).width = 48;
}

function comments(wb: ExcelJS.Workbook, doc: EvaluationDocument): void {
  const ws = wb.addWorksheet('Ý kiến giám sát');
  heading(ws, doc, 'IV. Ý kiến của giám sát');
  headerRow(ws, ['Thời gian', 'Người ghi', 'Về cơ quan', 'Nội dung']);
  for (const c of doc.comments) ws.addRow([c.createdAt.toISOString(), c.authorName, c.agencyId ? doc.agencyNames[c.agencyId] ?? '' : 'Toàn tỉnh', c.body]);
  if (doc.comments.length === 0) ws.addRow(['(chưa có ý kiến)']);
  ws.getColumn(4).width = 80;
}

export async function renderXlsx(doc: EvaluationDocument): Promise<Uint8Array> {
  const { default: Excel } = await import('exceljs'); // on first use, not at start-up (idle memory)
  const wb = new Excel.Workbook();
  wb.creator = 'lienthong';
  wb.created = doc.generatedAt;
  summary(wb, doc);
  agencies(wb, doc);
  lists(wb, doc);
  comments(wb, doc);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
