import {
  appendBezierCurve,
  beginText,
  closePath,
  drawEllipse,
  endText,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
  type PDFFont,
  type PDFOperator,
} from 'pdf-lib';

/**
 * Generated stand-ins for the images an agency or signer has not uploaded yet (domain.md §10.1):
 * a red round seal with the agency's name around the rim and a star in the centre, and the
 * signer's name in blue italics over a flourish. Vector drawings, so they print sharply at any size.
 */
const SEAL_RED = { r: 0.86, g: 0.08, b: 0.1 };
const INK_BLUE = { r: 0.05, g: 0.15, b: 0.65 };

export function drawFallbackSeal(font: PDFFont, fontName: string, diameter: number, agencyName: string, parentName?: string): PDFOperator[] {
  const c = diameter / 2;
  const outer = c - 1.2;
  const inner = outer * 0.72;
  const red = rgb(SEAL_RED.r, SEAL_RED.g, SEAL_RED.b);
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    ...drawEllipse({ x: c, y: c, xScale: outer, yScale: outer, color: undefined, borderColor: red, borderWidth: 1.8 }),
    ...drawEllipse({ x: c, y: c, xScale: outer - 2.6, yScale: outer - 2.6, color: undefined, borderColor: red, borderWidth: 0.5 }),
    ...drawEllipse({ x: c, y: c, xScale: inner, yScale: inner, color: undefined, borderColor: red, borderWidth: 0.8 }),
    ...star(c, c, inner * 0.42, red),
  ];
  const rimText = (parentName ? `${parentName} * ${agencyName}` : agencyName).toUpperCase().normalize('NFC');
  ops.push(...textOnCircle(font, fontName, rimText, c, (outer - 2.6 + inner) / 2, outer - 2.6 - inner));
  ops.push(popGraphicsState());
  return ops;
}

/** Letters set along the top of a circle, centred at 12 o'clock, reading clockwise. */
function textOnCircle(font: PDFFont, fontName: string, text: string, c: number, radius: number, band: number): PDFOperator[] {
  const chars = [...text];
  let size = Math.min(band * 0.62, 9);
  const totalWidth = (s: number): number => chars.reduce((n, ch) => n + font.widthOfTextAtSize(ch, s), 0) + chars.length * s * 0.08;
  // Use at most 300° of the rim; shrink the letters until the text fits.
  while (size > 3 && totalWidth(size) / (radius - size * 0.35) > (300 / 180) * Math.PI) size -= 0.25;
  const baseline = radius - size * 0.35;
  const spacing = size * 0.08;
  const total = totalWidth(size);
  const ops: PDFOperator[] = [setFillingRgbColor(SEAL_RED.r, SEAL_RED.g, SEAL_RED.b), beginText(), setFontAndSize(fontName, size)];
  let travelled = 0;
  const start = Math.PI / 2 + total / 2 / baseline;
  for (const ch of chars) {
    const w = font.widthOfTextAtSize(ch, size);
    const angle = start - (travelled + w / 2) / baseline;
    const rotation = angle - Math.PI / 2;
    const cos = Math.cos(rotation);
    const sin = Math.sin(rotation);
    const px = c + baseline * Math.cos(angle) - (w / 2) * cos;
    const py = c + baseline * Math.sin(angle) - (w / 2) * sin;
    ops.push(setTextMatrix(cos, sin, -sin, cos, px, py), showText(font.encodeText(ch)));
    travelled += w + spacing;
  }
  ops.push(endText());
  return ops;
}

function star(cx: number, cy: number, r: number, color: ReturnType<typeof rgb>): PDFOperator[] {
  const ops: PDFOperator[] = [setFillingRgbColor(color.red, color.green, color.blue)];
  for (let i = 0; i < 10; i++) {
    const angle = Math.PI / 2 + (i * Math.PI) / 5;
    const radius = i % 2 === 0 ? r : r * 0.4;
    const x = cx + radius * Math.cos(angle);
    const y = cy + radius * Math.sin(angle);
    ops.push(i === 0 ? moveTo(x, y) : lineTo(x, y));
  }
  ops.push(closePath(), fill());
  return ops;
}

export function drawFallbackSignature(font: PDFFont, fontName: string, width: number, height: number, bottom: number, name: string): PDFOperator[] {
  const text = name.normalize('NFC');
  let size = Math.min(height * 0.45, 18);
  while (size > 5 && font.widthOfTextAtSize(text, size) > width * 0.9) size -= 0.5;
  const textWidth = font.widthOfTextAtSize(text, size);
  const x = (width - textWidth) / 2;
  const y = bottom + height * 0.42;
  return [
    pushGraphicsState(),
    setFillingRgbColor(INK_BLUE.r, INK_BLUE.g, INK_BLUE.b),
    beginText(),
    setFontAndSize(fontName, size),
    setTextMatrix(1, 0, -0.12, 1, x, y),
    showText(font.encodeText(text)),
    endText(),
    setStrokingRgbColor(INK_BLUE.r, INK_BLUE.g, INK_BLUE.b),
    setLineWidth(0.9),
    moveTo(x - 2, y - 4),
    appendBezierCurve(x + textWidth * 0.3, y - 10, x + textWidth * 0.7, y + 2, x + textWidth + 4, y - 6),
    stroke(),
    popGraphicsState(),
  ];
}
