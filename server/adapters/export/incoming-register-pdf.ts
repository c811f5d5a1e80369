/**
 * The incoming register as a landscape A4 PDF (pdfkit) with an embedded Vietnamese TrueType font
 * (the signing module's font choice), cover lines per Decree 30 App. IV, the 10 columns and a
 * printed-on line. Rows wrap; a new page repeats the headings.
 */
import type { RegisterSheet } from '../../app/incoming/find-register-rows.ts';
import { INCOMING_REGISTER_COLUMNS } from './register-columns.ts';
import { vietnamesePdf } from './vietnamese-pdf.ts';

export async function registerSheetPdf(sheet: RegisterSheet, printedAt: Date): Promise<Buffer> {
  const { doc, done } = await vietnamesePdf({ size: 'A4', layout: 'landscape', margin: 28, info: { Title: `${sheet.register.name} ${sheet.register.year}`, Producer: 'lienthong' } });
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const total = INCOMING_REGISTER_COLUMNS.reduce((s, c) => s + c.width, 0);
  const widths = INCOMING_REGISTER_COLUMNS.map((c) => (c.width / total) * usable);
  const fontSize = 8;
  const rowHeight = (cells: string[], font: string): number => {
    doc.font(font).fontSize(fontSize);
    return Math.max(...cells.map((t, i) => doc.heightOfString(t || ' ', { width: widths[i]! - 4 }))) + 6;
  };
  const drawRow = (cells: string[], font: string): void => {
    const h = rowHeight(cells, font);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawHeader();
    }
    const y = doc.y;
    let x = left;
    cells.forEach((t, i) => {
      doc.rect(x, y, widths[i]!, h).stroke();
      doc.font(font).fontSize(fontSize).text(t, x + 2, y + 3, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + h;
  };
  const drawHeader = (): void => {
    drawRow(INCOMING_REGISTER_COLUMNS.map((c) => c.heading), 'vn-bold');
    drawRow(INCOMING_REGISTER_COLUMNS.map((_, i) => String(i + 1)), 'vn-bold');
  };
  doc.font('vn-bold').fontSize(11).text(sheet.agencyName.toUpperCase(), { align: 'left' });
  doc.moveDown(0.5);
  doc.font('vn-bold').fontSize(15).text(`${sheet.register.name.toUpperCase()}`, { align: 'center' });
  doc.font('vn').fontSize(11).text(`Năm: ${sheet.register.year}    Quyển số: ${sheet.register.volume}`, { align: 'center' });
  const first = sheet.lines[0];
  const last = sheet.lines.at(-1);
  if (first && last) {
    doc.text(`Từ ngày ${first.arrivalDate} đến ngày ${last.arrivalDate}; từ số ${first.arrivalNumber} đến số ${last.arrivalNumber}`, { align: 'center' });
  }
  doc.moveDown(0.8);
  doc.x = left;
  drawHeader();
  for (const line of sheet.lines) drawRow(INCOMING_REGISTER_COLUMNS.map((c) => line[c.key]), 'vn');
  doc.moveDown(0.5);
  doc.font('vn').fontSize(8).text(`In lúc ${new Date(printedAt.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} (giờ Việt Nam)`, left);
  doc.end();
  return done;
}
