import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';

/**
 * Was the document changed after a signature in a way that alters what was signed?
 *
 * Later incremental updates are allowed to add signatures (widget annotations of /Sig fields,
 * their appearance streams and the AcroForm entries that list them) and nothing else: page
 * content, resources, page count, existing annotations and the rest of the catalog must be the
 * same as in the signed revision. Every object is compared through what it resolves to, so a
 * change to a shared font or image is found as well as a change to a page.
 */
export async function changeAfterRevision(pdf: Uint8Array, revisionEnd: number, finalDoc: PDFDocument): Promise<string | undefined> {
  if (revisionEnd >= pdf.length) return undefined;
  let revision: PDFDocument;
  try {
    revision = await PDFDocument.load(pdf.subarray(0, revisionEnd), { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
  } catch {
    return 'the signed revision cannot be read';
  }
  const cmp = new Comparer(revision.context, finalDoc.context);

  if (revision.getPageCount() !== finalDoc.getPageCount()) return 'page count changed';
  for (let i = 0; i < revision.getPageCount(); i++) {
    const before = revision.getPage(i).node;
    const after = finalDoc.getPage(i).node;
    if (!cmp.equalDicts(before, after, ['Annots', 'Parent'])) return `page ${i + 1} changed`;
    const inherited: [PDFObject | undefined, PDFObject | undefined][] = [
      [before.Resources(), after.Resources()],
      [before.MediaBox(), after.MediaBox()],
      [before.CropBox(), after.CropBox()],
      [before.Rotate(), after.Rotate()],
    ];
    if (inherited.some(([x, y]) => !cmp.equal(x, y))) return `page ${i + 1} changed`;
    const annotsBefore = before.Annots()?.asArray() ?? [];
    const annotsAfter = after.Annots()?.asArray() ?? [];
    for (const annot of annotsBefore) {
      const index = annotsAfter.findIndex((x) => cmp.equal(annot, x) || cmp.filledIn(annot, x));
      if (index < 0) return `an annotation on page ${i + 1} was changed or removed`;
      annotsAfter.splice(index, 1);
    }
    for (const added of annotsAfter) {
      if (!isSignatureWidget(finalDoc.context, added)) return `content was added on page ${i + 1}`;
    }
  }

  const catalogBefore = revision.catalog;
  const catalogAfter = finalDoc.catalog;
  if (!cmp.equalDicts(catalogBefore, catalogAfter, ['AcroForm', 'Pages', 'DSS'])) return 'document catalog changed';
  const formBefore = catalogBefore.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const formAfter = catalogAfter.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (formBefore) {
    if (!formAfter) return 'form removed';
    if (!cmp.equalDicts(formBefore, formAfter, ['Fields', 'SigFlags'])) return 'form settings changed';
    const fieldsBefore = formBefore.lookupMaybe(PDFName.of('Fields'), PDFArray)?.asArray() ?? [];
    const fieldsAfter = formAfter.lookupMaybe(PDFName.of('Fields'), PDFArray)?.asArray() ?? [];
    for (const field of fieldsBefore) {
      const index = fieldsAfter.findIndex((x) => cmp.equal(field, x) || cmp.filledIn(field, x));
      if (index < 0) return 'a form field was changed or removed';
      fieldsAfter.splice(index, 1);
    }
    if (!fieldsAfter.every((f) => isSignatureWidget(finalDoc.context, f))) return 'a form field other than a signature was added';
  } else if (formAfter) {
    const fields = formAfter.lookupMaybe(PDFName.of('Fields'), PDFArray)?.asArray() ?? [];
    if (!fields.every((f) => isSignatureWidget(finalDoc.context, f))) return 'a form field other than a signature was added';
  }
  return undefined;
}

function isSignatureWidget(context: PDFContext, object: PDFObject): boolean {
  const dict = object instanceof PDFRef ? context.lookup(object) : object;
  if (!(dict instanceof PDFDict)) return false;
  const subtype = dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();
  const fieldType = (dict.lookupMaybe(PDFName.of('FT'), PDFName) ?? dict.lookupMaybe(PDFName.of('Parent'), PDFDict)?.lookupMaybe(PDFName.of('FT'), PDFName))?.decodeText();
  return fieldType === 'Sig' && (subtype === undefined || subtype === 'Widget');
}

/** Structural equality across two revisions; back-links (/P, /Parent) are not followed. */
class Comparer {
  readonly #inProgress = new Set<string>();
  readonly #different = new Set<string>();
  constructor(
    private readonly a: PDFContext,
    private readonly b: PDFContext,
  ) {}

  equal(x: PDFObject | undefined, y: PDFObject | undefined): boolean {
    if (x === undefined || y === undefined) return x === y;
    if (x instanceof PDFRef || y instanceof PDFRef) {
      const key = `${x.toString()}|${y.toString()}`;
      if (this.#different.has(key)) return false;
      // A pair met again while being compared is assumed equal (cycles); only proven
      // differences are remembered, so a wrong assumption never leaks into another comparison.
      if (this.#inProgress.has(key)) return true;
      this.#inProgress.add(key);
      const rx = x instanceof PDFRef ? this.a.lookup(x) : x;
      const ry = y instanceof PDFRef ? this.b.lookup(y) : y;
      const same = this.equal(rx, ry);
      this.#inProgress.delete(key);
      if (!same) this.#different.add(key);
      return same;
    }
    if (x instanceof PDFStream || y instanceof PDFStream) {
      if (!(x instanceof PDFStream) || !(y instanceof PDFStream)) return false;
      if (!this.equalDicts(x.dict, y.dict, ['Length'])) return false;
      return Buffer.from(streamBytes(x)).equals(Buffer.from(streamBytes(y)));
    }
    if (x instanceof PDFDict || y instanceof PDFDict) {
      return x instanceof PDFDict && y instanceof PDFDict && this.equalDicts(x, y, []);
    }
    if (x instanceof PDFArray || y instanceof PDFArray) {
      if (!(x instanceof PDFArray) || !(y instanceof PDFArray) || x.size() !== y.size()) return false;
      for (let i = 0; i < x.size(); i++) if (!this.equal(x.get(i), y.get(i))) return false;
      return true;
    }
    return x.constructor === y.constructor && x.toString() === y.toString();
  }

  /**
   * The same text field, only its value and appearance changed: form fill-in, which is how the
   * number and date are stamped after the personal signature (see pades/stamp-fields.ts).
   */
  filledIn(x: PDFObject, y: PDFObject): boolean {
    if (!(x instanceof PDFRef) || !(y instanceof PDFRef) || x.toString() !== y.toString()) return false;
    const before = this.a.lookup(x);
    const after = this.b.lookup(y);
    if (!(before instanceof PDFDict) || !(after instanceof PDFDict)) return false;
    if (before.lookupMaybe(PDFName.of('FT'), PDFName)?.decodeText() !== 'Tx') return false;
    // Only an empty field may be filled: a value that was signed cannot be rewritten.
    if (before.has(PDFName.of('V'))) return false;
    return this.equalDicts(before, after, ['V', 'AP']);
  }

  equalDicts(x: PDFDict, y: PDFDict, ignore: string[]): boolean {
    const skip = new Set([...ignore, 'P', 'Parent']);
    const keysX = x.keys().filter((k) => !skip.has(k.decodeText()));
    const keysY = y.keys().filter((k) => !skip.has(k.decodeText()));
    if (keysX.length !== keysY.length) return false;
    return keysX.every((k) => y.has(k) && this.equal(x.get(k), y.get(k)));
  }
}

function streamBytes(stream: PDFStream): Uint8Array {
  return stream instanceof PDFRawStream ? stream.contents : stream.getContents();
}
