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
