/**
 * Where the Decree 30 stamps land on a page (domain.md §10.2). Units are PDF points
 * (1/72 inch) with the origin at the bottom-left corner of the page, as in the PDF file.
 */
export const POINTS_PER_MM = 72 / 25.4;

export function mm(value: number): number {
  return value * POINTS_PER_MM;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Default seal diameter when the agency has not set its own [LT]. */
export const DEFAULT_SEAL_DIAMETER_MM = 36;

/**
 * The seal at real size (diameter d), covering about the left third of the signer's image and
 * vertically centred on it: x = x_signer − d + w/3 [LT geometry].
 */
export function sealBox(signer: Box, diameterMm: number): Box {
  const d = mm(diameterMm);
  return {
    x: signer.x - d + signer.width / 3,
    y: signer.y + signer.height / 2 - d / 2,
    width: d,
    height: d,
  };
}

/** Text-form organisation signature: 10 mm from the top and right edges, 10 pt lines. */
export const TEXT_SIGNATURE_MARGIN_MM = 10;
export const TEXT_SIGNATURE_FONT_SIZE = 10;
export const TEXT_SIGNATURE_LINE_HEIGHT = 12;

export function textSignatureBox(page: { width: number; height: number }, lineWidths: number[]): Box {
  const margin = mm(TEXT_SIGNATURE_MARGIN_MM);
  const width = Math.max(1, ...lineWidths);
  const height = TEXT_SIGNATURE_LINE_HEIGHT * Math.max(1, lineWidths.length);
  return { x: page.width - margin - width, y: page.height - margin - height, width, height };
}

/**
 * Signing time as the decree writes it: date, hh:mm:ss and the Vietnam offset, ISO 8601
 * (e.g. 2025-03-04T09:15:02+07:00). Vietnam has no daylight saving, so the offset is fixed.
 */
export function formatVietnamTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 7 * 3600_000);
  return shifted.toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

/** Names of the number (box 3) and place-and-date (box 4) fields stamped after the personal signature. */
export const STAMP_FIELD_NAMES = { number: 'so_ky_hieu', dateLine: 'ngay_ban_hanh' } as const;

/**
 * Where the number and the place-and-date line go on the first page [LT, Decree 30 App. I layout]:
 * box 3 under the agency name in the left column (from the 30 mm left margin), box 4 under the
 * national motto in the right column (ending at the 15 mm right margin), 45–52 mm from the top.
 */
export function stampFieldBoxes(page: { width: number; height: number }): { number: Box; dateLine: Box } {
  const y = page.height - mm(52);
  const height = mm(7);
  return {
    number: { x: mm(30), y, width: mm(70), height },
    dateLine: { x: page.width - mm(15) - mm(95), y, width: mm(95), height },
  };
}
