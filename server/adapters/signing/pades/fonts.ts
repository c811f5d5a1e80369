import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * Unicode fonts for stamp text. Vietnamese needs the Latin Extended Additional block
 * (ộ, ự, ẵ …), which the PDF standard fonts lack, so a TrueType font is embedded (subset).
 *
 * pdf-lib needs a fontkit to embed TrueType. `@pdf-lib/fontkit` is not installed; `fontkit` 2
 * is (a dependency of pdfkit). Its subset API differs in one method (encode() instead of
 * encodeStream()), bridged below. It should become a direct dependency of package.json.
 */
const require = createRequire(import.meta.url);

interface FontkitSubset {
  encode(): Uint8Array;
  encodeStream?: () => EventEmitter;
}
interface FontkitFont {
  createSubset(): FontkitSubset;
  hasGlyphForCodePoint(codePoint: number): boolean;
}
interface FontkitModule {
  create(data: Buffer): FontkitFont;
}

let cachedFontkit: Fontkit | undefined;

export function loadFontkit(): Fontkit {
  if (cachedFontkit) return cachedFontkit;
  let fontkit: FontkitModule;
  try {
    fontkit = require('fontkit') as FontkitModule;
  } catch {
    throw new Error('signing: the "fontkit" package is missing; it is needed to draw Vietnamese text in signature stamps');
  }
  // Parsing a Vietnamese-complete font takes tens of milliseconds; the parsed font is read-only
  // for pdf-lib (each embedding makes its own subset), so one parse serves every document.
  const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();
  const bridged = {
    create(data: Uint8Array): FontkitFont {
      const known = parsedFonts.get(data);
      if (known) return known;
      const font = fontkit.create(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      parsedFonts.set(data, font);
      const createSubset = font.createSubset.bind(font);
      font.createSubset = () => {
        const subset = createSubset();
        subset.encodeStream = () => {
          const events = new EventEmitter();
          setImmediate(() => {
            try {
              events.emit('data', subset.encode());
              events.emit('end');
            } catch (error) {
              events.emit('error', error);
            }
          });
          return events;
        };
        return subset;
      };
      return font;
    },
  };
  cachedFontkit = bridged as unknown as Fontkit;
  return cachedFontkit;
}

export type FontStyle = 'regular' | 'bold' | 'italic';

/** Times New Roman first (the decree's font), then metric-compatible or Vietnamese-complete serifs. */
const CANDIDATES: Record<FontStyle, string[]> = {
  regular: [
    '/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf',
    '/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf',
  ],
  bold: [
    '/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman_Bold.ttf',
    '/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf',
  ],
  italic: [
    '/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman_Italic.ttf',
    '/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf',
  ],
};

/** Characters a font must draw to be usable for Vietnamese (ộ ự ẵ Đ). */
const PROBE = [0x1ed9, 0x1ef1, 0x1eb5, 0x0110];

const fontCache = new Map<FontStyle, Uint8Array>();

/** A TrueType font that covers Vietnamese; SIGNING_FONT_DIR may point at the agency's own fonts. */
export function vietnameseFont(style: FontStyle, extraCandidates: string[] = []): Uint8Array {
  const cached = fontCache.get(style);
  if (cached) return cached;
  const fontkit = loadFontkit() as unknown as { create(data: Uint8Array): FontkitFont };
  for (const file of [...extraCandidates, ...CANDIDATES[style]]) {
    if (!existsSync(file)) continue;
    const bytes = new Uint8Array(readFileSync(file));
    const font = fontkit.create(bytes);
    if (PROBE.every((cp) => font.hasGlyphForCodePoint(cp))) {
      fontCache.set(style, bytes);
      return bytes;
    }
  }
  throw new Error(
    `signing: no TrueType font with Vietnamese glyphs found (tried ${CANDIDATES[style].join(', ')}); install fonts-dejavu-core or Times New Roman`,
  );
}
