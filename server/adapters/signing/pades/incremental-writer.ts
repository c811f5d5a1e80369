import { PDFDocument, PDFRef, type PDFObject } from 'pdf-lib';

/**
 * Appends an incremental update (PDF 32000-1 §7.5.6) to an existing file: only the new and
 * changed objects, a cross-reference section for them and a trailer whose /Prev points at the
 * previous one. The original bytes stay untouched, so every earlier signature keeps covering
 * exactly what it signed. (pdf-lib's save() rewrites the whole file, which breaks them.)
 */
export class IncrementalUpdate {
  readonly doc: PDFDocument;
  readonly #original: Uint8Array;
  readonly #firstNewObject: number;
  readonly #changed = new Set<string>();
  readonly #changedRefs: PDFRef[] = [];
  readonly #raw = new Map<number, Uint8Array>();

  private constructor(original: Uint8Array, doc: PDFDocument) {
    this.#original = original;
    this.doc = doc;
    // pdf-lib forgets the numbers of object streams and cross-reference streams it unpacked;
    // reusing one would shadow every object stored inside it. Start after anything declared.
    const largest = Math.max(doc.context.largestObjectNumber, largestDeclaredObject(original));
    doc.context.largestObjectNumber = largest;
    this.#firstNewObject = largest + 1;
  }

  static async open(original: Uint8Array): Promise<IncrementalUpdate> {
    const doc = await PDFDocument.load(original, { updateMetadata: false, ignoreEncryption: false });
    if (doc.context.trailerInfo.Encrypt) throw new Error('PDF is encrypted; signing encrypted files is not supported');
    return new IncrementalUpdate(original, doc);
  }

  /** An existing object was modified in memory; it is rewritten in the update. */
  markChanged(ref: PDFRef): void {
    const key = ref.toString();
    if (ref.objectNumber >= this.#firstNewObject || this.#changed.has(key)) return;
    this.#changed.add(key);
    this.#changedRefs.push(ref);
  }

  /** Reserves an object number whose body the caller writes itself (the signature dictionary). */
  reserveRaw(): PDFRef {
    const ref = this.doc.context.nextRef();
    this.#raw.set(ref.objectNumber, new Uint8Array());
    return ref;
  }

  setRaw(ref: PDFRef, body: Uint8Array): void {
    this.#raw.set(ref.objectNumber, body);
  }

  /** The original bytes followed by the update. */
  async serialize(): Promise<Uint8Array> {
    await this.doc.flush();
    const context = this.doc.context;
    const entries: { ref: PDFRef; body: Uint8Array }[] = [];
    for (const ref of this.#changedRefs) {
      const object = context.lookup(ref);
      if (!object) throw new Error(`incremental update: changed object ${ref.toString()} vanished`);
      entries.push({ ref, body: objectBytes(object) });
    }
    for (const [ref, object] of context.enumerateIndirectObjects()) {
      if (ref.objectNumber < this.#firstNewObject || this.#raw.has(ref.objectNumber)) continue;
      entries.push({ ref, body: objectBytes(object) });
    }
    for (const [objectNumber, body] of this.#raw) {
      if (body.length === 0) throw new Error(`incremental update: object ${objectNumber} reserved but never written`);
      entries.push({ ref: PDFRef.of(objectNumber, 0), body });
    }
    entries.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);

    const chunks: Uint8Array[] = [this.#original];
    let offset = this.#original.length;
    const push = (bytes: Uint8Array | string): void => {
      const chunk = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
      chunks.push(chunk);
      offset += chunk.length;
    };
    const last = this.#original[this.#original.length - 1];
    if (last !== 0x0a && last !== 0x0d) push('\n');

    const offsets = new Map<number, { offset: number; generation: number }>();
    for (const { ref, body } of entries) {
      offsets.set(ref.objectNumber, { offset, generation: ref.generationNumber });
      push(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
      push(body);
      push('\nendobj\n');
    }

    const trailer = context.trailerInfo;
    if (!trailer.Root) throw new Error('PDF trailer has no /Root');
    const previous = previousStartXref(this.#original);
    let trailerEntries = `/Root ${trailer.Root.toString()}`;
    if (trailer.Info) trailerEntries += ` /Info ${trailer.Info.toString()}`;
    if (trailer.ID) trailerEntries += ` /ID ${trailer.ID.toString()}`;
    trailerEntries += ` /Prev ${previous}`;

    // Same kind of cross-reference section as the file already uses (table or stream).
    if (usesXrefStream(this.#original, previous)) {
      const xrefRef = context.nextRef();
      const xrefOffset = offset;
      offsets.set(xrefRef.objectNumber, { offset: xrefOffset, generation: 0 });
      const numbers = [...offsets.keys()].sort((a, b) => a - b);
      const rows = Buffer.alloc(numbers.length * 7);
      numbers.forEach((n, i) => {
        const entry = offsets.get(n)!;
        rows.writeUInt8(1, i * 7);
        rows.writeUInt32BE(entry.offset, i * 7 + 1);
        rows.writeUInt16BE(entry.generation, i * 7 + 5);
      });
      const size = Math.max(context.largestObjectNumber, ...numbers) + 1;
      const index = subsections(numbers).map(([start, count]) => `${start} ${count}`).join(' ');
      push(`${xrefRef.objectNumber} 0 obj\n<< /Type /XRef /Size ${size} /W [1 4 2] /Index [${index}] ${trailerEntries} /Length ${rows.length} >>\nstream\n`);
      push(rows);
      push(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`);
    } else {
      const xrefOffset = offset;
      const numbers = [...offsets.keys()].sort((a, b) => a - b);
      push('xref\n');
      for (const [start, count] of subsections(numbers)) {
        push(`${start} ${count}\n`);
        for (let n = start; n < start + count; n++) {
          const entry = offsets.get(n)!;
          push(`${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n\r\n`);
        }
      }
      const size = Math.max(context.largestObjectNumber, ...numbers) + 1;
      push(`trailer\n<< /Size ${size} ${trailerEntries} >>\nstartxref\n${xrefOffset}\n%%EOF\n`);
    }
    return Buffer.concat(chunks);
  }
}

/** Highest object number in the file: any `N G obj` header, or the last section's /Size − 1. */
function largestDeclaredObject(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length).toString('latin1');
  let largest = 0;
  // indexOf + a short look-behind: a regex over the whole file backtracks badly on the long
  // runs of digits that signature placeholders and hex strings contain.
  for (let at = text.indexOf('obj'); at !== -1; at = text.indexOf('obj', at + 3)) {
    const header = /(\d{1,10})\s+\d{1,5}\s+$/.exec(text.slice(Math.max(0, at - 24), at));
    if (header) largest = Math.max(largest, Number(header[1]));
  }
  const start = previousStartXref(pdf);
  const size = /\/Size\s+(\d+)/.exec(text.slice(start, start + 4096));
  if (size) largest = Math.max(largest, Number(size[1]) - 1);
  return largest;
}

/** Runs of consecutive object numbers: [first, count]. */
function subsections(sorted: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === n) last[1]++;
    else out.push([n, 1]);
  }
  return out;
}

function usesXrefStream(pdf: Uint8Array, offset: number): boolean {
  const head = Buffer.from(pdf.buffer, pdf.byteOffset + offset, Math.min(64, pdf.length - offset)).toString('latin1');
  return !/^\s*xref/.test(head);
}

function objectBytes(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

/** Offset of the last cross-reference section, from the final `startxref`. */
export function previousStartXref(pdf: Uint8Array): number {
  const tailStart = Math.max(0, pdf.length - 2048);
  const tail = Buffer.from(pdf.buffer, pdf.byteOffset + tailStart, pdf.length - tailStart).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail) ?? /startxref\s+(\d+)(?![\s\S]*startxref)/.exec(tail);
  if (!match) throw new Error('PDF has no startxref; cannot append an incremental update');
  return Number(match[1]);
}
