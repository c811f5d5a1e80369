import type { RegisterExporter, RegisterTable } from '../../app/ports/register-export.ts';
import { vietnamesePdf } from './vietnamese-pdf.ts';

/** Registers as XLSX (exceljs) and as landscape A4 PDF (pdfkit with an embedded Vietnamese font). */
export class FileRegisterExporter implements RegisterExporter {
  async xlsx(table: RegisterTable): Promise<Buffer> {
    const { default: Excel } = await import('exceljs'); // on first use, not at start-up (idle memory)
    const book = new Excel.Workbook();
    const sheet = book.addWorksheet('Sổ', { pageSetup: { orientation: 'landscape', paperSize: 9 } });
    sheet.addRow([table.title]).font = { bold: true, size: 14 };
    for (const line of table.subtitle) sheet.addRow([line]);
    sheet.addRow([]);
    const header = sheet.addRow([...table.columns]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    sheet.addRow(table.columns.map((_, i) => `(${i + 1})`)).alignment = { horizontal: 'center' };
    for (const row of table.rows) sheet.addRow(row.map((v) => v ?? '')).alignment = { wrapText: true, vertical: 'top' };
    const widths = [16, 12, 48, 20, 36, 16, 8, 18, 30, 24];
    sheet.columns.forEach((c, i) => (c.width = widths[i] ?? 16));
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  async pdf(table: RegisterTable): Promise<Buffer> {
    const { doc, done } = await vietnamesePdf({ size: 'A4', layout: 'landscape', margin: 28, info: { Title: table.title } });
    doc.font('vn-bold').fontSize(14).text(table.title, { align: 'center' });
    doc.font('vn').fontSize(10);
    for (const line of table.subtitle) doc.text(line, { align: 'center' });
    doc.moveDown();
    const weights = [1.3, 1, 3.2, 1.4, 2.6, 1.2, 0.7, 1.3, 2, 1.6];
    const total = weights.reduce((a, b) => a + b, 0);
    const width = doc.page.width - 56;
    const widths = table.columns.map((_, i) => ((weights[i] ?? 1) / total) * width);
    const drawRow = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'vn-bold' : 'vn').fontSize(8);
      const heights = cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }));
      const h = Math.max(14, ...heights) + 4;
      if (doc.y + h > doc.page.height - 28) doc.addPage();
      const y = doc.y;
      let x = 28;
      cells.forEach((c, i) => {
        doc.rect(x, y, widths[i]!, h).stroke();
        doc.text(c, x + 2, y + 2, { width: widths[i]! - 4 });
        x += widths[i]!;
      });
      doc.x = 28;
      doc.y = y + h;
    };
    drawRow([...table.columns], true);
    for (const row of table.rows) drawRow(row.map((v) => (v === null ? '' : String(v))), false);
    doc.end();
    return done;
  }
}
