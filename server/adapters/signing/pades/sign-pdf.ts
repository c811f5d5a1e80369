import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument } from 'pdf-lib';
import type { Signer, SigningIdentity } from '../../../app/ports/signer.ts';
import { buildAppearance, type AppearanceSpec } from './appearance.ts';
import { buildCadesSignature } from './cades-signature.ts';
import { certificateSummary } from './certificate-summary.ts';
import { IncrementalUpdate } from './incremental-writer.ts';

/**
 * PAdES baseline B signing (ETSI EN 319 142-1): /SubFilter /ETSI.CAdES.detached, appended as an
 * incremental update so every earlier signature stays valid. The key is reached only through
 * the Signer port, which signs a digest.
 */
export interface SignPdfRequest {
  pdf: Uint8Array;
  signer: Signer;
  identity: SigningIdentity;
  appearance: AppearanceSpec;
  signingTime?: Date;
  reason?: string;
  location?: string;
  /** Text shown by remote providers on the signer's phone. */
  description?: string;
  fieldName?: string;
  /** Bytes reserved for the CMS; doubled in hex in the file. */
  reservedBytes?: number;
}

const BYTE_RANGE_PLACEHOLDER = '/ByteRange [0 9999999999 9999999999 9999999999]';
/**
 * Room for the CMS beyond its certificates: signed attributes, a signature of up to 8192-bit RSA
 * and the structure. Reserving only what is needed keeps files small and parsing fast.
 */
const RESERVE_MARGIN = 3_072;

export async function signPdf(request: SignPdfRequest): Promise<Uint8Array> {
  const chain = await request.signer.getCertificateChain(request.identity);
  if (chain.length === 0) throw new Error('signer returned no certificate');
  const signerName = certificateSummary(chain[0]!).commonName;
  const signingTime = request.signingTime ?? new Date();
  const reserved = request.reservedBytes ?? chain.reduce((n, der) => n + der.length, RESERVE_MARGIN);

  const update = await IncrementalUpdate.open(request.pdf);
  const doc = update.doc;
  const appearance = await buildAppearance(doc, request.appearance);
  const page = doc.getPage(appearance.pageIndex);

  const sigRef = update.reserveRaw();
  update.setRaw(sigRef, signatureDictionary({ signerName, signingTime, reason: request.reason, location: request.location, reserved }));

  const fieldName = request.fieldName ?? nextFieldName(doc);
  const widget = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(fieldName),
    V: sigRef,
    F: 132, // Print | Locked
    P: page.ref,
    Rect: appearance.rect,
    ...(appearance.stream ? { AP: { N: appearance.stream } } : {}),
  });
  const widgetRef = doc.context.register(widget);
  addToPageAnnots(update, page.ref, page.node, widgetRef);
  addToAcroForm(update, doc, widgetRef);

  const bytes = Buffer.from(await update.serialize());
  const marker = bytes.lastIndexOf(BYTE_RANGE_PLACEHOLDER, undefined, 'latin1');
  if (marker < request.pdf.length) throw new Error('signature placeholder not found in the update');
  const contentsStart = bytes.indexOf('/Contents <', marker, 'latin1') + '/Contents '.length;
  const contentsEnd = bytes.indexOf('>', contentsStart, 'latin1') + 1;
  const byteRange = [0, contentsStart, contentsEnd, bytes.length - contentsEnd];
  const rangeText = `/ByteRange [${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  bytes.write(rangeText, marker, 'latin1');

  const contentDigest = createHash('sha256')
    .update(bytes.subarray(0, contentsStart))
    .update(bytes.subarray(contentsEnd))
    .digest();
  const cms = await buildCadesSignature({
    contentDigest: new Uint8Array(contentDigest),
    certificateChain: chain,
    signDigest: (digest) =>
      request.signer.signDigest({
        identity: request.identity,
        digest,
        digestAlgorithm: 'SHA-256',
        ...(request.description ? { description: request.description } : {}),
      }),
  });
  if (cms.length > reserved) throw new Error(`signature is ${cms.length} bytes, more than the ${reserved} reserved`);
  bytes.write(Buffer.from(cms).toString('hex').toUpperCase(), contentsStart + 1, 'latin1');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** D:YYYYMMDDHHmmSS+07'00' in Vietnam time. */
export function pdfDate(instant: Date): string {
  const t = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return `D:${t.slice(0, 4)}${t.slice(5, 7)}${t.slice(8, 10)}${t.slice(11, 13)}${t.slice(14, 16)}${t.slice(17, 19)}+07'00'`;
}

function textString(value: string): string {
  return PDFHexString.fromText(value).toString();
}

function signatureDictionary(options: { signerName: string; signingTime: Date; reason: string | undefined; location: string | undefined; reserved: number }): Uint8Array {
  const lines = [
    '<<',
    '/Type /Sig',
    '/Filter /Adobe.PPKLite',
    '/SubFilter /ETSI.CAdES.detached',
    BYTE_RANGE_PLACEHOLDER,
    `/Contents <${'0'.repeat(options.reserved * 2)}>`,
    `/M (${pdfDate(options.signingTime)})`,
    `/Name ${textString(options.signerName)}`,
    ...(options.reason ? [`/Reason ${textString(options.reason)}`] : []),
    ...(options.location ? [`/Location ${textString(options.location)}`] : []),
    '>>',
  ];
  return Buffer.from(lines.join('\n'), 'latin1');
}

function nextFieldName(doc: PDFDocument): string {
  const taken = new Set<string>();
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  for (let i = 0; i < (fields?.size() ?? 0); i++) {
    const field = fields!.lookupMaybe(i, PDFDict);
    const name = field?.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString);
    if (name) taken.add(name.decodeText());
  }
  for (let n = 1; ; n++) if (!taken.has(`Signature${n}`)) return `Signature${n}`;
}

function addToPageAnnots(update: IncrementalUpdate, pageRef: PDFRef, pageNode: PDFDict, widgetRef: PDFRef): void {
  const raw = pageNode.get(PDFName.of('Annots'));
  if (raw instanceof PDFRef) {
    update.doc.context.lookup(raw, PDFArray).push(widgetRef);
    update.markChanged(raw);
    return;
  }
  if (raw instanceof PDFArray) raw.push(widgetRef);
  else pageNode.set(PDFName.of('Annots'), update.doc.context.obj([widgetRef]));
  update.markChanged(pageRef);
}

function addToAcroForm(update: IncrementalUpdate, doc: PDFDocument, widgetRef: PDFRef): void {
  const context = doc.context;
  const rootRef = context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) throw new Error('PDF catalog is not an indirect object');
  const raw = doc.catalog.get(PDFName.of('AcroForm'));
  let acroForm: PDFDict;
  if (raw instanceof PDFRef) {
    acroForm = context.lookup(raw, PDFDict);
    update.markChanged(raw);
  } else if (raw instanceof PDFDict) {
    acroForm = raw;
    update.markChanged(rootRef);
  } else {
    acroForm = context.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), context.register(acroForm));
    update.markChanged(rootRef);
  }
  const fields = acroForm.get(PDFName.of('Fields'));
  if (fields instanceof PDFRef) {
    context.lookup(fields, PDFArray).push(widgetRef);
    update.markChanged(fields);
  } else if (fields instanceof PDFArray) fields.push(widgetRef);
  else acroForm.set(PDFName.of('Fields'), context.obj([widgetRef]));
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
}
