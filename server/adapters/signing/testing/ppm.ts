/** A binary PPM (pdftoppm's default output) with a test for the seal's red. */
export function readPpm(bytes: Buffer): { width: number; height: number; isRed(x: number, y: number): boolean } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a binary PPM');
  const [text, w, h] = header;
  const width = Number(w);
  const data = bytes.subarray(text.length);
  return {
    width,
    height: Number(h),
    isRed(x, y) {
      const i = (y * width + x) * 3;
      return data[i]! > 170 && data[i + 1]! < 110 && data[i + 2]! < 110;
    },
  };
}

/** Red pixels inside a box given in PDF points (72 dpi rendering: one pixel per point). */
export function countRedIn(image: ReturnType<typeof readPpm>, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const px0 = Math.max(0, Math.round(box.x0));
  const px1 = Math.min(image.width, Math.round(box.x1));
  const py0 = Math.max(0, Math.round(image.height - box.y1));
  const py1 = Math.min(image.height, Math.round(image.height - box.y0));
  let n = 0;
  for (let y = py0; y < py1; y++) for (let x = px0; x < px1; x++) if (image.isRed(x, y)) n++;
  return n;
}
