/**
 * A pdfkit document with the Vietnamese TrueType font of signing/pades/fonts.ts registered as `vn`
 * and `vn-bold`, and its bytes collected: `done` resolves to the whole PDF after `doc.end()`.
 */
import PDFDocument from 'pdfkit';
import { vietnameseFont } from '../signing/pades/fonts.ts';

export function vietnamesePdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('vn', Buffer.from(vietnameseFont('regular')));
  doc.registerFont('vn-bold', Buffer.from(vietnameseFont('bold')));
  return { doc, done };
}
