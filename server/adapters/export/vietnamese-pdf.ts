/**
 * A pdfkit document with the Vietnamese TrueType font of signing/pades/fonts.ts registered as `vn`
 * and `vn-bold`, and its bytes collected: `done` resolves to the whole PDF after `doc.end()`.
 * pdfkit is loaded on the first export, not at start-up (idle memory, bench/hub).
 */
import { vietnameseFont } from '../signing/pades/fonts.ts';

export async function vietnamesePdf(options: PDFKit.PDFDocumentOptions): Promise<{ doc: PDFKit.PDFDocument; done: Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit');
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
