import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, beginText, endText, popGraphicsState, pushGraphicsState, setFillingRgbColor, setFontAndSize, setTextMatrix, showText } from 'pdf-lib';
import type { Box } from '../../../domain/signature/appearance-geometry.ts';
import { FontCache } from './appearance.ts';
import { IncrementalUpdate } from './incremental-writer.ts';

/**
 * Number and date stamped after the personal signature (domain.md §7 step 7) without breaking it:
 * empty read-only text fields are placed before signing, and filled in later by an incremental
 * update that changes only their value and appearance — the "form fill-in" that the validator
 * accepts after a signature. Drawing on the page after signing would be MODIFIED_AFTER_SIGNING.
 */
export interface StampField {
  name: string;
  /** 0-based page index. */
  page: number;
  box: Box;
}

const READ_ONLY = 1;

export async function addStampFields(pdf: Uint8Array, fields: StampField[]): Promise<Uint8Array> {
  const update = await IncrementalUpdate.open(pdf);
  const { doc } = update;
  const context = doc.context;
  const rootRef = context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) throw new Error('PDF catalog is not an indirect object');
  let acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const rawForm = doc.catalog.get(PDFName.of('AcroForm'));
  if (!acroForm) {
    acroForm = context.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), context.register(acroForm));
    update.markChanged(rootRef);
  } else update.markChanged(rawForm instanceof PDFRef ? rawForm : rootRef);
  const rawFields = acroForm.get(PDFName.of('Fields'));
  if (rawFields instanceof PDFRef) update.markChanged(rawFields);
  const fieldList = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray) ?? context.obj([]);
  if (!(rawFields instanceof PDFRef)) acroForm.set(PDFName.of('Fields'), fieldList);

  for (const field of fields) {
    const page = doc.getPage(field.page);
    const empty = context.register(context.formXObject([], { BBox: [0, 0, field.box.width, field.box.height] }));
    const widget = context.register(
      context.obj({
        Type: 'Annot',
        Subtype: 'Widget',
        FT: 'Tx',
        Ff: READ_ONLY,
        T: PDFString.of(field.name),
        F: 4,
        P: page.ref,
        Rect: [field.box.x, field.box.y, field.box.x + field.box.width, field.box.y + field.box.height],
        DA: PDFString.of('/F1 13 Tf 0 g'),
        AP: { N: empty },
      }),
    );
    fieldList.push(widget);
    const annots = page.node.get(PDFName.of('Annots'));
    if (annots instanceof PDFRef) {
      context.lookup(annots, PDFArray).push(widget);
      update.markChanged(annots);
    } else {
      if (annots instanceof PDFArray) annots.push(widget);
      else page.node.set(PDFName.of('Annots'), context.obj([widget]));
      update.markChanged(page.ref);
    }
  }
  return update.serialize();
}

/** Fills stamp fields by name; each gets its value and a left-aligned appearance (13 pt, Decree 30 body size). */
export async function fillStampFields(pdf: Uint8Array, values: Record<string, string>, fontSize = 13): Promise<Uint8Array> {
  const update = await IncrementalUpdate.open(pdf);
  const { doc } = update;
  const context = doc.context;
  const fields = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const fonts = new FontCache(doc);
  const remaining = new Set(Object.keys(values));
  for (let i = 0; i < (fields?.size() ?? 0); i++) {
    const ref = fields!.get(i);
    if (!(ref instanceof PDFRef)) continue;
    const field = context.lookup(ref, PDFDict);
    const name = field.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString)?.decodeText();
    if (!name || !remaining.has(name) || field.lookupMaybe(PDFName.of('FT'), PDFName)?.decodeText() !== 'Tx') continue;
    const text = values[name]!.normalize('NFC');
    const rect = field.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => Number(n.toString()));
    const [x1, y1, x2, y2] = rect as [number, number, number, number];
    const font = await fonts.get('regular');
    const appearance = context.formXObject(
      [pushGraphicsState(), setFillingRgbColor(0, 0, 0), beginText(), setFontAndSize('F1', fontSize), setTextMatrix(1, 0, 0, 1, 1, (y2 - y1 - fontSize) / 2 + 2), showText(font.encodeText(text)), endText(), popGraphicsState()],
      { BBox: [0, 0, x2 - x1, y2 - y1], Resources: { Font: { F1: font.ref } } },
    );
    field.set(PDFName.of('V'), PDFHexString.fromText(text));
    field.set(PDFName.of('AP'), context.obj({ N: context.register(appearance) }));
    update.markChanged(ref);
    remaining.delete(name);
  }
  if (remaining.size > 0) throw new Error(`no stamp field named ${[...remaining].join(', ')}`);
  return update.serialize();
}
