import { DEFAULT_SEAL_DIAMETER_MM, mm, type Box } from './appearance-geometry.ts';

/**
 * Where the competent signer's image goes on this document (box 7c of Decree 30 App. I, domain.md
 * §10.2): a page and a rectangle in PDF points from the page's bottom-left corner. `page` counts
 * from 1; null means the last page (the signature block closes the document), so a draft that
 * grows by a page keeps its signature at the end.
 */
export interface SignerBox extends Box {
  page: number | null;
}

/** Sane sizes for a signature image: big enough to see, small enough to stay a signature. */
export const SIGNER_BOX_LIMITS_MM = { minWidth: 20, maxWidth: 120, minHeight: 10, maxHeight: 60 } as const;

const fmt = (points: number) => `${Math.round(points / mm(1))} mm`;

/** Shape and size only (no page known yet), e.g. when a draft is saved. Null when acceptable. */
export function signerBoxShapeError(box: SignerBox): string | null {
  const numbers = [box.x, box.y, box.width, box.height];
  if (numbers.some((n) => typeof n !== 'number' || !Number.isFinite(n))) return 'Vị trí chữ ký phải gồm các số x, y, chiều rộng, chiều cao (đơn vị point).';
  if (box.page !== null && (!Number.isInteger(box.page) || box.page < 1)) return 'Trang đặt chữ ký phải là số nguyên từ 1 (hoặc để trống: trang cuối).';
  const l = SIGNER_BOX_LIMITS_MM;
  if (box.width < mm(l.minWidth) || box.width > mm(l.maxWidth)) return `Chiều rộng ô chữ ký phải từ ${l.minWidth} đến ${l.maxWidth} mm (đang là ${fmt(box.width)}).`;
  if (box.height < mm(l.minHeight) || box.height > mm(l.maxHeight)) return `Chiều cao ô chữ ký phải từ ${l.minHeight} đến ${l.maxHeight} mm (đang là ${fmt(box.height)}).`;
  if (box.x < 0 || box.y < 0) return 'Ô chữ ký nằm ngoài trang (x, y phải từ 0 trở lên).';
  return null;
}

/**
 * The full check against the document's pages: the page exists, the box lies inside it, and the
 * organisation seal (real size, over the left third of the image) still fits on the page.
 * Null when acceptable; otherwise a sentence for the user.
 */
export function signerBoxError(box: SignerBox, pages: readonly { width: number; height: number }[], sealDiameterMm = DEFAULT_SEAL_DIAMETER_MM): string | null {
  const shape = signerBoxShapeError(box);
  if (shape) return shape;
  if (box.page !== null && box.page > pages.length) return `Trang ${box.page} không có trong văn bản (văn bản có ${pages.length} trang).`;
  const page = pages[(box.page ?? pages.length) - 1];
  if (!page) return 'Văn bản không có trang nào.';
  const where = box.page === null ? 'trang cuối' : `trang ${box.page}`;
  if (box.x + box.width > page.width + 0.01 || box.y + box.height > page.height + 0.01) {
    return `Ô chữ ký vượt ra ngoài ${where} (trang rộng ${fmt(page.width)}, cao ${fmt(page.height)}).`;
  }
  const d = mm(sealDiameterMm);
  if (box.x - (d - box.width / 3) < 0) return 'Ô chữ ký quá sát lề trái: con dấu đóng chồng lên 1/3 bên trái chữ ký sẽ ra ngoài trang.';
  const overhang = Math.max(0, (d - box.height) / 2);
  if (box.y - overhang < 0 || box.y + box.height + overhang > page.height + 0.01) return 'Ô chữ ký quá sát mép trên hoặc mép dưới: con dấu sẽ ra ngoài trang.';
  return null;
}

/** 0-based page index of the box in a document of pageCount pages. */
export function signerBoxPageIndex(box: SignerBox, pageCount: number): number {
  return (box.page ?? pageCount) - 1;
}
