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
    this.#firstNewObject = doc.context.largestObjectNumber + 1;
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

    const xrefOffset = offset;
    push('xref\n');
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    for (let i = 0; i < numbers.length; ) {
      let j = i;
      while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
      push(`${numbers[i]} ${j - i + 1}\n`);
      for (let k = i; k <= j; k++) {
        const entry = offsets.get(numbers[k]!)!;
        push(`${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n\r\n`);
      }
      i = j + 1;
    }

    const trailer = context.trailerInfo;
    const size = Math.max(context.largestObjectNumber, ...numbers) + 1;
    let trailerDict = `/Size ${size} /Root ${trailer.Root.toString()}`;
    if (trailer.Info) trailerDict += ` /Info ${trailer.Info.toString()}`;
    if (trailer.ID) trailerDict += ` /ID ${trailer.ID.toString()}`;
    trailerDict += ` /Prev ${previousStartXref(this.#original)}`;
    push(`trailer\n<< ${trailerDict} >>\nstartxref\n${xrefOffset}\n%%EOF\n`);
    return Buffer.concat(chunks);
  }
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
