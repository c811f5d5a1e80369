import type { EvaluationDocument } from '../../app/ports/report-renderer.ts';
import { change, COLUMNS, formatValue, LEVEL_LABELS, NOT_CONNECTED_LABELS, REPORT_SUBTITLE, REPORT_TITLES, vnDate, type Column } from '../../app/reports/evaluation-columns.ts';
import { vietnameseFont } from '../signing/pades/fonts.ts';

type Doc = PDFKit.PDFDocument;
const MARGIN = 30;

/** A plain grid table that breaks across pages, repeating its header. */
function table(doc: Doc, widths: number[], header: string[], rows: string[][], size = 7): void {
  const pad = 2;
  const heightOf = (cells: string[]) => Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: widths[i]! - 2 * pad }))) + 2 * pad;
  const draw = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'vn-bold' : 'vn').fontSize(size);
    const h = heightOf(cells);
    if (doc.y + h > doc.page.height - MARGIN) {
      doc.addPage();
      if (!bold) draw(header, true);
      doc.font(bold ? 'vn-bold' : 'vn').fontSize(size);
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((t, i) => {
      doc.rect(x, y, widths[i]!, h).stroke('#999999');
      doc.fillColor('#000000').text(t, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: i === 0 ? 'left' : 'right' });
      x += widths[i]!;
    });
    doc.x = MARGIN;
    doc.y = y + h;
  };
  draw(header, true);
  for (const r of rows) draw(r, false);
  doc.moveDown(0.8);
}

function section(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - 120) doc.addPage();
  doc.font('vn-bold').fontSize(11).text(text, MARGIN, doc.y, { align: 'left' });
  doc.moveDown(0.4);
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function agencyTables(doc: Doc, e: EvaluationDocument): void {
  const usable = doc.page.width - 2 * MARGIN;
  for (const cols of chunks<Column>(COLUMNS, 13)) {
    const rest = (usable - 170) / cols.length;
    table(doc, [170, ...cols.map(() => rest)], ['Cơ quan', ...cols.map((c) => c.header)],
      e.current.agencies.map((a) => [`${a.name} (${LEVEL_LABELS[a.level]})`, ...cols.map((c) => formatValue(c.kind, c.value(a.indicators)))]), 6.5);
  }
}

export async function renderPdf(e: EvaluationDocument): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit'); // on first use, not at start-up
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: REPORT_TITLES[e.preset], Creator: 'lienthong' } });
  doc.registerFont('vn', Buffer.from(vietnameseFont('regular')));
  doc.registerFont('vn-bold', Buffer.from(vietnameseFont('bold')));
  const chunksOut: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunksOut.push(c));
  const done = new Promise<void>((resolve, reject) => { doc.on('end', resolve); doc.on('error', reject); });

  doc.font('vn-bold').fontSize(15).text(REPORT_TITLES[e.preset], { align: 'center' });
  doc.font('vn').fontSize(11).text(REPORT_SUBTITLE, { align: 'center' });
  doc.fontSize(9).text(`Kỳ báo cáo: ${vnDate(e.period.start)} – ${vnDate(e.period.end)}. Số liệu tính đến ${e.asOf.toISOString()}. So sánh với kỳ ${vnDate(e.previousPeriod.start)} – ${vnDate(e.previousPeriod.end)}.`, { align: 'center' });
  doc.text(`Phiên bản định nghĩa chỉ số ${e.definitionVersion}; lập lúc ${e.generatedAt.toISOString()}. Dấu “–”: mẫu số bằng 0.`, { align: 'center' });
  doc.moveDown();

  section(doc, 'I. Tổng hợp toàn tỉnh');
  const usable = doc.page.width - 2 * MARGIN;
  table(doc, [usable - 300, 100, 100, 100], ['Chỉ số', 'Kỳ này', 'Kỳ trước', 'Thay đổi'], COLUMNS.map((c) => {
    const now = c.value(e.current.province);
    const before = c.value(e.previous.province);
    return [c.header, formatValue(c.kind, now), formatValue(c.kind, before), formatValue(c.kind === 'count' ? 'count' : 'hours', change(now, before))];
  }));

  section(doc, 'II. Chỉ số theo cơ quan');
  agencyTables(doc, e);

  section(doc, 'III. Cơ quan chưa kết nối, không tiếp nhận, không hoạt động (R15)');
  const r15 = e.current.r15;
  table(doc, [usable * 0.6, usable * 0.4], ['Chưa kết nối tại thời điểm T', 'Lý do'], r15.notConnected.map((a) => [a.name, a.reasons.map((r) => NOT_CONNECTED_LABELS[r]).join('; ')]));
  table(doc, [usable * 0.6, usable * 0.2, usable * 0.2], ['Không tiếp nhận trong kỳ', 'Đăng ký trễ hạn', 'Gửi đến thất bại'], r15.notReceiving.map((a) => [a.name, String(a.lateArrivals), String(a.failedDeliveries)]));
  table(doc, [usable], ['Không hoạt động trong kỳ (R1 = 0 và R4 = 0)'], r15.inactive.map((a) => [a.name]));

  section(doc, 'IV. Ý kiến của giám sát');
  if (e.comments.length === 0) doc.font('vn').fontSize(9).text('(Chưa có ý kiến.)');
  for (const c of e.comments) {
    doc.font('vn-bold').fontSize(9).text(`${c.authorName} – ${c.agencyId ? e.agencyNames[c.agencyId] ?? '' : 'Toàn tỉnh'} – ${c.createdAt.toISOString()}`);
    doc.font('vn').fontSize(9).text(c.body);
    doc.moveDown(0.3);
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunksOut));
}
