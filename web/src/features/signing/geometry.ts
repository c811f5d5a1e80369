/**
 * Where the Decree 30 stamps land on an A4 page, in PDF points from the bottom-left corner. The
 * same rules as server/domain/signature/appearance-geometry.ts and
 * server/adapters/signing/pades/stamp-positions.ts (the web app cannot import server code); the
 * unit test pins the figures so the two stay equal.
 */
export const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 };

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The signer's image when the document gives no box: right half, above the bottom margin. */
export function defaultSignerBox(page = A4): Box {
  return { x: page.width - 20 * MM - 55 * MM, y: 60 * MM, width: 50 * MM, height: 25 * MM };
}

/** The seal at real size covering the left third of the signer's image, centred vertically on it. */
export function sealBox(signer: Box, diameterMm: number): Box {
  const d = diameterMm * MM;
  return { x: signer.x - d + signer.width / 3, y: signer.y + signer.height / 2 - d / 2, width: d, height: d };
}

/** Number (box 3) and place-and-date (box 4) fields on the first page. */
export function stampFieldBoxes(page = A4): { number: Box; dateLine: Box } {
  const y = page.height - 52 * MM;
  return { number: { x: 30 * MM, y, width: 70 * MM, height: 7 * MM }, dateLine: { x: page.width - 15 * MM - 95 * MM, y, width: 95 * MM, height: 7 * MM } };
}

/** Box 7c chosen for one document: page from 1 (null = the last page) and rectangle in points. */
export interface SignerBox extends Box {
  page: number | null;
}

export type SignerPosition = 'right' | 'centre' | 'left';

export const SIGNER_POSITIONS: { value: SignerPosition; label: string }[] = [
  { value: 'right', label: 'Bên phải (mặc định)' },
  { value: 'centre', label: 'Ở giữa' },
  { value: 'left', label: 'Bên trái' },
];

/**
 * A signer box from a simple choice: page, left/centre/right column and height above the bottom
 * edge. "Right" at 60 mm is exactly the standard box. The server checks the box against the file.
 */
export function signerBoxFor(page: number | null, position: SignerPosition, fromBottomMm: number, size = A4): SignerBox {
  const standard = defaultSignerBox(size);
  const x = position === 'right' ? standard.x : position === 'centre' ? (size.width - standard.width) / 2 : 35 * MM;
  return { page, x, y: fromBottomMm * MM, width: standard.width, height: standard.height };
}

/** The simple choice behind a stored box (nearest column, height in whole mm). */
export function choiceOf(box: SignerBox | null, size = A4): { page: number | null; position: SignerPosition; fromBottomMm: number } {
  if (!box) return { page: null, position: 'right', fromBottomMm: 60 };
  const centre = box.x + box.width / 2;
  const position: SignerPosition = centre > size.width * 0.62 ? 'right' : centre < size.width * 0.38 ? 'left' : 'centre';
  return { page: box.page, position, fromBottomMm: Math.round(box.y / MM) };
}
