import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import type { Box } from '../../../domain/signature/appearance-geometry.ts';

/**
 * The box of the last visible signature widget: where the competent signer's image is, so the
 * organisation seal can be placed over its left third (domain.md §10.2).
 */
export async function lastSignatureBox(pdf: Uint8Array): Promise<{ page: number; box: Box } | undefined> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  let found: { page: number; box: Box } | undefined;
  doc.getPages().forEach((page, index) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const raw = annots!.get(i);
      const annot = raw instanceof PDFRef ? doc.context.lookup(raw) : raw;
      if (!(annot instanceof PDFDict) || annot.lookupMaybe(PDFName.of('FT'), PDFName)?.decodeText() !== 'Sig') continue;
      const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0));
      if (!rect || rect.length !== 4) continue;
      const [x1, y1, x2, y2] = rect as [number, number, number, number];
      if (x2 - x1 < 1 || y2 - y1 < 1) continue;
      found = { page: index, box: { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) } };
    }
  });
  return found;
}

/** Where a signer image goes when the caller gives no box: right half, above the bottom margin. */
export function defaultSignerBox(pageSize: { width: number; height: number }): Box {
  const mm = 72 / 25.4;
  return { x: pageSize.width - 20 * mm - 55 * mm, y: 60 * mm, width: 50 * mm, height: 25 * mm };
}
