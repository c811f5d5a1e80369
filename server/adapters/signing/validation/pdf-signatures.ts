import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';

/** One signature dictionary found in a PDF, with the raw bytes it claims to sign. */
export interface FoundSignature {
  fieldName: string | undefined;
  subFilter: string | undefined;
  /** Claimed signing time from /M. */
  signingTime: Date | undefined;
  byteRange: [number, number, number, number];
  /** DER CMS taken from the file bytes in the gap of the byte range (trailing padding removed). */
  cms: Uint8Array | undefined;
  /** Problems with the byte range itself (gap not exactly the /Contents hex string, out of bounds…). */
  byteRangeProblem: string | undefined;
  /** End of the revision this signature signs. */
  revisionEnd: number;
}

export async function findSignatures(pdf: Uint8Array, doc?: PDFDocument): Promise<FoundSignature[]> {
  const document = doc ?? (await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false }));
  const context = document.context;
  const fieldNames = new Map<string, string>();
  const found: FoundSignature[] = [];
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const value = object.get(PDFName.of('V'));
    const name = object.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString);
    if (value instanceof PDFRef && name) fieldNames.set(value.toString(), name.decodeText());
  }
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const byteRangeObject = object.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    if (!byteRangeObject || !object.has(PDFName.of('Contents'))) continue;
    const type = object.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
    if (type !== undefined && type !== 'Sig' && type !== 'DocTimeStamp') continue;
    const numbers = byteRangeObject.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : Number.NaN));
    const byteRange = [numbers[0] ?? NaN, numbers[1] ?? NaN, numbers[2] ?? NaN, numbers[3] ?? NaN] as [number, number, number, number];
    const { cms, problem } = readContents(pdf, byteRange, numbers.length);
    found.push({
      fieldName: fieldNames.get(ref.toString()),
      subFilter: object.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.decodeText(),
      signingTime: parsePdfDate(object.lookupMaybe(PDFName.of('M'), PDFString, PDFHexString)?.decodeText()),
      byteRange,
      cms,
      byteRangeProblem: problem,
      revisionEnd: byteRange[2] + byteRange[3],
    });
  }
  return found.sort((a, b) => a.revisionEnd - b.revisionEnd);
}

function readContents(pdf: Uint8Array, range: number[], count: number): { cms: Uint8Array | undefined; problem: string | undefined } {
  const [a, b, c, d] = range as [number, number, number, number];
  if (count !== 4 || range.some((n) => !Number.isInteger(n) || n < 0)) return { cms: undefined, problem: 'byte range is not four non-negative integers' };
  if (a !== 0 || b >= c || c + d > pdf.length) return { cms: undefined, problem: 'byte range does not start at 0 or reaches past the end of the file' };
  if (pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) return { cms: undefined, problem: 'the unsigned gap is not the /Contents hex string' };
  const hex = Buffer.from(pdf.buffer, pdf.byteOffset + b + 1, c - b - 2).toString('latin1');
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) return { cms: undefined, problem: 'the unsigned gap holds more than the signature' };
  const bytes = Buffer.from(hex, 'hex');
  const length = derLength(bytes);
  if (length === undefined || length > bytes.length) return { cms: undefined, problem: 'signature contents are not DER' };
  if (bytes.subarray(length).some((x) => x !== 0)) return { cms: undefined, problem: 'signature contents carry data after the CMS' };
  return { cms: new Uint8Array(bytes.subarray(0, length)), problem: undefined };
}

/** Total length of the DER element at the start of `bytes`. */
function derLength(bytes: Uint8Array): number | undefined {
  if (bytes.length < 2 || bytes[0] !== 0x30) return undefined;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0 || n > 4 || bytes.length < 2 + n) return undefined;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + bytes[2 + i]!;
  return 2 + n + len;
}

/** D:YYYYMMDDHHmmSS+HH'mm' → Date. */
export function parsePdfDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(value);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const offset = sign === '+' || sign === '-' ? `${sign}${oh}:${om}` : 'Z';
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
