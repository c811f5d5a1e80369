import {
  beginText,
  degrees,

  drawImage,
  endText,

  popGraphicsState,
  pushGraphicsState,

  setFillingRgbColor,
  setFontAndSize,
  setTextMatrix,
  showText,
  type PDFDocument,
  type PDFFont,
  type PDFOperator,
  type PDFRef,
} from 'pdf-lib';
import {
  TEXT_SIGNATURE_FONT_SIZE,
  TEXT_SIGNATURE_LINE_HEIGHT,
  textSignatureBox,
  type Box,
} from '../../../domain/signature/appearance-geometry.ts';
import { drawFallbackSeal, drawFallbackSignature } from './fallback-images.ts';
import { loadFontkit, vietnameseFont, type FontStyle } from './fonts.ts';

/**
 * What a signature looks like on the page (domain.md §10.2). Boxes are in PDF points; `page`
 * is 0-based.
 */
export type AppearanceSpec =
  | { kind: 'invisible' }
  /** Competent signer: handwritten-signature image; optional caption lines (name, title, time). */
  | { kind: 'signature-image'; page: number; box: Box; imagePng?: Uint8Array; signerName: string; caption?: string[] }
  /** Organisation signature on the main file: the red seal at real size. */
  | { kind: 'seal'; page: number; box: Box; imagePng?: Uint8Array; agencyName: string; parentAgencyName?: string }
  /** Organisation signature on an attachment or copy: text lines at the top right of the first page. */
  | { kind: 'text'; lines: string[] };

export interface BuiltAppearance {
  pageIndex: number;
  rect: [number, number, number, number];
  /** Normal appearance stream (Form XObject), absent for invisible signatures. */
  stream: PDFRef | undefined;
}

export class FontCache {
  readonly #fonts = new Map<FontStyle, PDFFont>();
  constructor(private readonly doc: PDFDocument) {}
  async get(style: FontStyle): Promise<PDFFont> {
    const found = this.#fonts.get(style);
    if (found) return found;
    this.doc.registerFontkit(loadFontkit());
    const font = await this.doc.embedFont(vietnameseFont(style), { subset: true });
    this.#fonts.set(style, font);
    return font;
  }
}

export async function buildAppearance(doc: PDFDocument, spec: AppearanceSpec): Promise<BuiltAppearance> {
  if (spec.kind === 'invisible') return { pageIndex: 0, rect: [0, 0, 0, 0], stream: undefined };
  const fonts = new FontCache(doc);
  const pageIndex = spec.kind === 'text' ? 0 : spec.page;
  const pageCount = doc.getPageCount();
  if (pageIndex < 0 || pageIndex >= pageCount) throw new Error(`appearance: page ${pageIndex + 1} does not exist (the file has ${pageCount})`);
  const page = doc.getPage(pageIndex);

  let box: Box;
  let operators: PDFOperator[];
  const resources: { Font: Record<string, PDFRef>; XObject: Record<string, PDFRef> } = { Font: {}, XObject: {} };

  if (spec.kind === 'text') {
    const font = await fonts.get('regular');
    const widths = spec.lines.map((line) => font.widthOfTextAtSize(line.normalize('NFC'), TEXT_SIGNATURE_FONT_SIZE));
    const { width, height } = page.getSize();
    box = textSignatureBox({ width, height }, widths);
    resources.Font.F1 = font.ref;
    operators = [pushGraphicsState(), setFillingRgbColor(0, 0, 0), beginText(), setFontAndSize('F1', TEXT_SIGNATURE_FONT_SIZE)];
    spec.lines.forEach((line, i) => {
      // Right-aligned, one item per line, first line on top.
      const x = box.width - widths[i]!;
      const y = box.height - (i + 1) * TEXT_SIGNATURE_LINE_HEIGHT + 3;
      operators.push(setTextMatrix(1, 0, 0, 1, x, y), showText(font.encodeText(line.normalize('NFC'))));
    });
    operators.push(endText(), popGraphicsState());
  } else if (spec.imagePng) {
    box = spec.box;
    const image = await doc.embedPng(spec.imagePng);
    resources.XObject.Im1 = image.ref;
    const captionHeight = spec.kind === 'signature-image' && spec.caption ? spec.caption.length * 8 : 0;
    const fit = fitInside(image.width, image.height, box.width, box.height - captionHeight);
    operators = [
      ...drawImage('Im1', {
        x: (box.width - fit.width) / 2,
        y: captionHeight + (box.height - captionHeight - fit.height) / 2,
        width: fit.width,
        height: fit.height,
        rotate: degrees(0),
        xSkew: degrees(0),
        ySkew: degrees(0),
      }),
    ];
    if (spec.kind === 'signature-image' && spec.caption) operators.push(...(await caption(fonts, resources, spec.caption, box)));
  } else if (spec.kind === 'seal') {
    box = spec.box;
    const font = await fonts.get('bold');
    resources.Font.F1 = font.ref;
    operators = drawFallbackSeal(font, 'F1', box.width, spec.agencyName, spec.parentAgencyName);
  } else {
    box = spec.box;
    const font = await fonts.get('italic');
    resources.Font.F2 = font.ref;
    const captionHeight = spec.caption ? spec.caption.length * 8 : 0;
    operators = drawFallbackSignature(font, 'F2', box.width, box.height - captionHeight, captionHeight, spec.signerName);
    if (spec.caption) operators.push(...(await caption(fonts, resources, spec.caption, box)));
  }

  const stream = doc.context.formXObject(operators, {
    BBox: [0, 0, box.width, box.height],
    Resources: {
      ...(Object.keys(resources.Font).length ? { Font: resources.Font } : {}),
      ...(Object.keys(resources.XObject).length ? { XObject: resources.XObject } : {}),
    },
  });
  return {
    pageIndex,
    rect: [box.x, box.y, box.x + box.width, box.y + box.height],
    stream: doc.context.register(stream),
  };
}

async function caption(
  fonts: FontCache,
  resources: { Font: Record<string, PDFRef> },
  lines: string[],
  box: Box,
): Promise<PDFOperator[]> {
  const font = await fonts.get('regular');
  resources.Font.F3 = font.ref;
  const size = 6.5;
  const ops: PDFOperator[] = [pushGraphicsState(), setFillingRgbColor(0, 0, 0), beginText(), setFontAndSize('F3', size)];
  lines.forEach((line, i) => {
    const text = line.normalize('NFC');
    const x = Math.max(0, (box.width - font.widthOfTextAtSize(text, size)) / 2);
    ops.push(setTextMatrix(1, 0, 0, 1, x, (lines.length - 1 - i) * 8 + 2), showText(font.encodeText(text)));
  });
  ops.push(endText(), popGraphicsState());
  return ops;
}

function fitInside(w: number, h: number, maxW: number, maxH: number): { width: number; height: number } {
  const scale = Math.min(maxW / w, maxH / h);
  return { width: w * scale, height: h * scale };
}

