/** The incoming register as an XLSX workbook (exceljs): title rows, the 10 numbered columns, one row per document. */
import type { RegisterSheet } from '../../app/incoming/find-register-rows.ts';
import { INCOMING_REGISTER_COLUMNS } from './register-columns.ts';

export async function registerSheetXlsx(sheet: RegisterSheet): Promise<Buffer> {
  const { default: Excel } = await import('exceljs'); // on first use, not at start-up (idle memory)
  const wb = new Excel.Workbook();
  wb.creator = 'lienthong';
  const ws = wb.addWorksheet(`Sổ đến ${sheet.register.year}`, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = INCOMING_REGISTER_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow([sheet.agencyName]).font = { bold: true };
  const title = ws.addRow([`${sheet.register.name.toUpperCase()} NĂM ${sheet.register.year}`]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(title.number, 1, title.number, INCOMING_REGISTER_COLUMNS.length);
  ws.addRow([`Quyển số: ${sheet.register.volume}`]);
  ws.addRow([]);
  const head = ws.addRow(INCOMING_REGISTER_COLUMNS.map((c) => c.heading));
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  const numbers = ws.addRow(INCOMING_REGISTER_COLUMNS.map((_, i) => String(i + 1)));
  numbers.alignment = { horizontal: 'center' };
  for (const line of sheet.lines) {
    const row = ws.addRow(INCOMING_REGISTER_COLUMNS.map((c) => line[c.key]));
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  for (let r = head.number; r <= ws.rowCount; r++) {
    ws.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
