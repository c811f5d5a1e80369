/**
 * "Mục lục văn bản" of a case file (domain.md §13): portrait A4 (pdfkit, the Vietnamese TrueType font
 * of signing/pades/fonts.ts), the case file's cover lines (code, title, retention, keeper, dates) and
 * one row per document in chronological order. Rows wrap; a new page repeats the headings.
 */
import type { CaseFileExport } from '../../app/incoming/export-case-file.ts';
import { localDateOf } from '../../domain/calendar/vietnam-time.ts';
import { vietnamesePdf } from './vietnamese-pdf.ts';

const dmy = (date: string | null) => (date ? date.split('-').reverse().join('/') : '');
const COLUMNS = [
  { heading: 'STT', width: 5 },
  { heading: 'Số, ký hiệu văn bản', width: 13 },
  { heading: 'Ngày tháng văn bản', width: 12 },
  { heading: 'Tác giả văn bản', width: 15 },
  { heading: 'Trích yếu nội dung văn bản', width: 29 },
  { heading: 'Số đến, ngày đến', width: 12 },
  { heading: 'Ghi chú', width: 14 },
];

export function caseFileCode(e: CaseFileExport): string {
  return `${e.agencyCode ?? ''}.${e.caseFile.year}.${e.caseFile.notation}`;
}

export async function caseFileListPdf(e: CaseFileExport, printedAt: Date): Promise<Buffer> {
  const cf = e.caseFile;
  const { doc, done } = await vietnamesePdf({ size: 'A4', margin: 36, info: { Title: `Mục lục văn bản hồ sơ ${cf.notation}`, Producer: 'lienthong' } });
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const total = COLUMNS.reduce((s, c) => s + c.width, 0);
  const widths = COLUMNS.map((c) => (c.width / total) * usable);
  const fontSize = 8.5;
  const drawRow = (cells: string[], font: string): void => {
    doc.font(font).fontSize(fontSize);
    const h = Math.max(...cells.map((t, i) => doc.heightOfString(t || ' ', { width: widths[i]! - 4 }))) + 6;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      drawRow(COLUMNS.map((c) => c.heading), 'vn-bold');
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
  doc.font('vn-bold').fontSize(11).text(e.agencyName.toUpperCase());
  doc.moveDown(0.6);
  doc.font('vn-bold').fontSize(15).text('MỤC LỤC VĂN BẢN', { align: 'center' });
  doc.font('vn-bold').fontSize(12).text(cf.title, { align: 'center' });
  doc.moveDown(0.4);
  const dates = e.documents.map((d) => d.promulgationDate).filter((d): d is string => d !== null).sort();
  doc.font('vn').fontSize(10);
  for (const line of [
    `Mã hồ sơ: ${caseFileCode(e)}    Số và ký hiệu hồ sơ: ${cf.notation}`,
    `Thời hạn bảo quản: ${cf.retention || 'chưa ghi'}    Người lập hồ sơ: ${e.keeperName}`,
    `Ngày mở hồ sơ: ${dmy(localDateOf(cf.openedAt))}    Ngày đóng hồ sơ: ${cf.closedAt ? dmy(localDateOf(cf.closedAt)) : 'chưa đóng'}`,
    `Thời gian văn bản: ${dates.length ? `từ ${dmy(dates[0]!)} đến ${dmy(dates.at(-1)!)}` : 'không rõ'}    Tổng số văn bản: ${e.documents.length}`,
  ]) doc.text(line, left);
  doc.moveDown(0.6);
  drawRow(COLUMNS.map((c) => c.heading), 'vn-bold');
  for (const d of e.documents) {
    const arrival = d.arrivalNumber !== null ? `${d.arrivalNumber}${d.registeredAt ? `, ${dmy(localDateOf(d.registeredAt))}` : ''}` : '';
    const note = d.withheld ? 'Không có quyền xem tệp' : d.files.map((f) => f.name).join('; ');
    drawRow([String(d.ordinal), [d.codeNumber, d.codeNotation].filter(Boolean).join('/'), dmy(d.promulgationDate), d.senderName, `${d.typeName}: ${d.subject}`, arrival, note], 'vn');
  }
  doc.moveDown(0.6);
  doc.font('vn').fontSize(8).text(`In lúc ${new Date(printedAt.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} (giờ Việt Nam)`, left);
  doc.end();
  return done;
}
