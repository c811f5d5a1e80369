/**
 * What a seal or signature upload must be: a PNG (the decree asks for a transparent background,
 * which only PNG of the accepted types carries). Reads the header without decoding the image.
 */
export interface PngInfo {
  width: number;
  height: number;
  /** Colour types 4 and 6 carry alpha; 0, 2 and 3 may carry a tRNS chunk. */
  hasTransparency: boolean;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function readPngInfo(bytes: Uint8Array): PngInfo | undefined {
  if (bytes.length < 33 || SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const colourType = bytes[25]!;
  if (width === 0 || height === 0) return undefined;
  let hasTransparency = colourType === 4 || colourType === 6;
  // Look for tRNS among the chunks before the image data.
  let offset = 8;
  while (!hasTransparency && offset + 8 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (type === 'tRNS') hasTransparency = true;
    if (type === 'IDAT' || type === 'IEND') break;
    offset += 12 + length;
  }
  return { width, height, hasTransparency };
}
