/**
 * Content sniffing: what the bytes are, never what the name or the sender says. The head (first
 * HEAD_BYTES) decides everything except inside a ZIP, where the entry names (local headers at the
 * start, the central directory at the end) tell an Office document from a plain archive.
 */
export const HEAD_BYTES = 8192;
export const TAIL_BYTES = 65536;

export interface SniffResult {
  mediaType: string;
  /** Short Vietnamese name for messages ("tệp PDF", "tệp thực thi Windows (PE)"). */
  label: string;
  executable: boolean;
}

export const MEDIA = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
  png: 'image/png',
  jpeg: 'image/jpeg',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  html: 'text/html',
  text: 'text/plain',
  elf: 'application/x-elf',
  pe: 'application/vnd.microsoft.portable-executable',
  macho: 'application/x-mach-binary',
  script: 'text/x-shellscript',
  binary: 'application/octet-stream',
} as const;

const LABELS: Record<string, string> = {
  [MEDIA.pdf]: 'tệp PDF',
  [MEDIA.docx]: 'tệp Word (DOCX)',
  [MEDIA.xlsx]: 'tệp Excel (XLSX)',
  [MEDIA.pptx]: 'tệp PowerPoint (PPTX)',
  [MEDIA.zip]: 'tệp nén ZIP',
  [MEDIA.png]: 'ảnh PNG',
  [MEDIA.jpeg]: 'ảnh JPEG',
  [MEDIA.xml]: 'tệp XML',
  [MEDIA.svg]: 'ảnh SVG',
  [MEDIA.html]: 'trang HTML',
  [MEDIA.text]: 'văn bản thuần (UTF-8)',
  [MEDIA.elf]: 'tệp thực thi Linux (ELF)',
  [MEDIA.pe]: 'tệp thực thi Windows (PE/MZ)',
  [MEDIA.macho]: 'tệp thực thi macOS (Mach-O)',
  [MEDIA.script]: 'tệp kịch bản thực thi (#!)',
  [MEDIA.binary]: 'dữ liệu nhị phân không rõ loại',
};

const EXECUTABLE = new Set<string>([MEDIA.elf, MEDIA.pe, MEDIA.macho, MEDIA.script]);

export function labelOf(mediaType: string): string {
  return LABELS[mediaType] ?? mediaType;
}

function result(mediaType: string): SniffResult {
  return { mediaType, label: labelOf(mediaType), executable: EXECUTABLE.has(mediaType) };
}

function startsWith(buf: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (buf.length < at + bytes.length) return false;
  return bytes.every((b, i) => buf[at + i] === b);
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const MACHO_MAGICS = [
  [0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe],
  // Universal binaries; Java class files share this magic and are no more welcome.
  [0xca, 0xfe, 0xba, 0xbe],
];

/**
 * Sniffs the head of a file, and for ZIPs also its tail. `complete` says the head holds the whole
 * file (so a multi-byte character cut at the end of the head is an error, not a truncation).
 */
export function sniff(head: Uint8Array, options: { tail?: Uint8Array; complete?: boolean } = {}): SniffResult {
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return result(MEDIA.elf);
  if (startsWith(head, ascii('MZ'))) return result(MEDIA.pe);
  if (MACHO_MAGICS.some((m) => startsWith(head, m))) return result(MEDIA.macho);
  if (startsWith(head, ascii('#!'))) return result(MEDIA.script);
  if (startsWith(head, ascii('%PDF-'))) return result(MEDIA.pdf);
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return result(MEDIA.png);
  if (startsWith(head, [0xff, 0xd8, 0xff])) return result(MEDIA.jpeg);
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return result(zipKind(head, options.tail));
  }
  const text = decodeUtf8(head, options.complete ?? false);
  if (text === undefined) return result(MEDIA.binary);
  return result(textKind(text));
}

/** True when `mediaType` is ZIP-based and its exact kind needs the tail to decide. */
export function isZip(mediaType: string): boolean {
  return mediaType === MEDIA.zip || mediaType === MEDIA.docx || mediaType === MEDIA.xlsx || mediaType === MEDIA.pptx;
}

function zipKind(head: Uint8Array, tail: Uint8Array | undefined): string {
  // Entry names are stored uncompressed in both local headers and the central directory.
  const names = latin1(head) + '\n' + (tail ? latin1(tail) : '');
  if (!names.includes('[Content_Types].xml')) return MEDIA.zip;
  if (names.includes('word/')) return MEDIA.docx;
  if (names.includes('xl/')) return MEDIA.xlsx;
  if (names.includes('ppt/')) return MEDIA.pptx;
  return MEDIA.zip;
}

function latin1(buf: Uint8Array): string {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
}

function decodeUtf8(head: Uint8Array, complete: boolean): string | undefined {
  let bytes = head;
  if (!complete) {
    // Drop a character cut by the end of the head: back up to the last lead byte.
    let end = bytes.length;
    let back = 0;
    while (end > 0 && back < 3 && ((bytes[end - 1] ?? 0) & 0xc0) === 0x80) {
      end--;
      back++;
    }
    if (end > 0 && ((bytes[end - 1] ?? 0) & 0x80) !== 0) end--;
    bytes = bytes.subarray(0, end);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  // Control characters other than tab, newline, carriage return and form feed mean binary data.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text)) return undefined;
  return text;
}

function textKind(text: string): string {
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 1024).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<script')) return MEDIA.html;
  if (start.startsWith('<?xml') || /^<[a-z_][\w.:-]*[\s>/]/.test(start)) {
    return /<svg[\s>]/.test(start) ? MEDIA.svg : MEDIA.xml;
  }
  return MEDIA.text;
}

/** Media types that name the same content (a declared `text/xml` is an XML file). */
const ALIASES: Record<string, string> = {
  'text/xml': MEDIA.xml,
  'application/x-zip-compressed': MEDIA.zip,
  'image/jpg': MEDIA.jpeg,
  'image/pjpeg': MEDIA.jpeg,
  'application/x-pdf': MEDIA.pdf,
};

export function normaliseMediaType(type: string): string {
  const bare = type.split(';')[0]!.trim().toLowerCase();
  return ALIASES[bare] ?? bare;
}

/** Whether content sniffed as `detected` may travel under the declared type. */
export function matchesDeclared(declared: string, detected: string): boolean {
  const d = normaliseMediaType(declared);
  if (d === '' || d === MEDIA.binary) return true;
  if (d === detected) return true;
  // An Office document is a ZIP, and XML is text: the wider declaration is not a lie.
  if (d === MEDIA.zip && isZip(detected)) return true;
  if (d === MEDIA.text && detected === MEDIA.xml) return true;
  return false;
}

const EXTENSIONS: Record<string, string> = {
  pdf: MEDIA.pdf, docx: MEDIA.docx, xlsx: MEDIA.xlsx, pptx: MEDIA.pptx, zip: MEDIA.zip, png: MEDIA.png,
  jpg: MEDIA.jpeg, jpeg: MEDIA.jpeg, xml: MEDIA.xml, txt: MEDIA.text, svg: MEDIA.svg, html: MEDIA.html, htm: MEDIA.html,
};

/** The media type a file name's extension claims, if it is one we know. */
export function mediaTypeOfName(name: string): string | undefined {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase();
  return ext ? EXTENSIONS[ext] : undefined;
}
