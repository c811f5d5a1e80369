/**
 * Phiếu xử lý văn bản đến (portrait A4, pdfkit, the Vietnamese TrueType font of signing/pades/fonts.ts):
 * the document's particulars, the leader's instructions (with "thay mặt" when a delegate directed),
 * the assignments with their deadlines and states, the outcome, and the print mark naming who
 * printed it and when (also in the PDF's Subject).
 */
import type { HandlingSlip } from '../../app/incoming/handling-slip.ts';
import { localDateOf, localMinuteOfDay } from '../../domain/calendar/vietnam-time.ts';
import { vietnamesePdf } from './vietnamese-pdf.ts';

const dmy = (date: string | null) => (date ? date.split('-').reverse().join('/') : '');
function when(at: Date): string {
  const m = Math.floor(localMinuteOfDay(at));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')} ngày ${dmy(localDateOf(at))}`;
}
const KIND: Record<string, string> = { lead: 'Chủ trì', coordinating: 'Phối hợp', informed: 'Để biết' };
const STATE: Record<string, string> = { pending: 'Chưa xử lý', in_progress: 'Đang xử lý', done: 'Đã xong', returned: 'Trả lại', closed: 'Đã đóng' };
const WIDTHS = [14, 30, 26, 14, 16];

export function printMark(slip: HandlingSlip): string {
  return `In bởi ${slip.printedBy} lúc ${when(slip.printedAt)}`;
}

export async function handlingSlipPdf(slip: HandlingSlip): Promise<Buffer> {
  const d = slip.document;
  const { doc, done } = await vietnamesePdf({ size: 'A4', margin: 48, info: { Title: `Phiếu xử lý văn bản đến số ${d.arrivalNumber ?? ''}`, Subject: printMark(slip), Producer: 'lienthong' } });
  const left = doc.page.margins.left;
  const usable = doc.page.width - left - doc.page.margins.right;
  const line = (label: string, value: string) => {
    doc.font('vn-bold').fontSize(11).text(`${label}: `, left, undefined, { continued: true }).font('vn').text(value || '—');
  };
  doc.font('vn-bold').fontSize(11).text(slip.agencyName.toUpperCase());
  doc.moveDown(0.8);
  doc.font('vn-bold').fontSize(15).text('PHIẾU XỬ LÝ VĂN BẢN ĐẾN', { align: 'center' });
  doc.moveDown(0.6);
  line('Số đến', `${d.arrivalNumber ?? ''}${d.registeredAt ? `    Ngày đến: ${when(d.registeredAt)}` : ''}`);
  line('Cơ quan gửi', d.senderName);
  line('Số, ký hiệu', [d.codeNumber, d.codeNotation].filter(Boolean).join('/') + (d.promulgationDate ? `    Ngày văn bản: ${dmy(d.promulgationDate)}` : ''));
  line('Trích yếu', `${d.typeName}: ${d.subject}`);
  if (d.dueDate) line('Hạn trả lời của cơ quan gửi', dmy(d.dueDate));
  doc.moveDown(0.6);
  doc.font('vn-bold').fontSize(12).text('Ý kiến chỉ đạo', left);
  if (slip.directions.length === 0) doc.font('vn').fontSize(11).text('Chưa có.', left);
  for (const x of slip.directions) {
    doc.font('vn').fontSize(11).text(`${when(x.at)} — ${x.by}${x.onBehalfOf ? ` thay mặt ${x.onBehalfOf}` : ''}: ${x.instruction}`, left, undefined, { width: usable });
  }
  doc.moveDown(0.6);
  doc.font('vn-bold').fontSize(12).text('Phân công xử lý', left);
  const total = WIDTHS.reduce((s, w) => s + w, 0);
  const widths = WIDTHS.map((w) => (w / total) * usable);
  const row = (cells: string[], font: string) => {
    doc.font(font).fontSize(9.5);
    const h = Math.max(...cells.map((t, i) => doc.heightOfString(t || ' ', { width: widths[i]! - 4 }))) + 6;
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = left;
    cells.forEach((t, i) => {
      doc.rect(x, y, widths[i]!, h).stroke();
      doc.font(font).fontSize(9.5).text(t, x + 2, y + 3, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + h;
  };
  row(['Vai trò', 'Đơn vị, người xử lý', 'Người giao', 'Hạn xử lý', 'Tình trạng'], 'vn-bold');
  for (const a of slip.assignments) {
    row([`${a.parentId ? '↳ ' : ''}${KIND[a.kind] ?? a.kind}`, a.assigneeName, a.assignedByName, dmy(a.deadline), STATE[a.state] ?? a.state], 'vn');
  }
  doc.moveDown(0.6);
  if (d.finishedAt) line('Kết quả xử lý', `${when(d.finishedAt)}${d.outcomeNote ? ` — ${d.outcomeNote}` : ''}`);
  doc.moveDown(1);
  doc.font('vn').fontSize(8).text(printMark(slip), left);
  doc.end();
  return done;
}
