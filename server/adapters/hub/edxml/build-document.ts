/**
 * Builds a document package exactly as exchange.md §2.1 shows it: literal `edXML:` prefix inside the
 * envelope, §2.2 field order, unprefixed `AttachmentEncoded` with a self-declaring
 * `edXML:ContentTransferEncoded`, ZIP+Base64 on one line by default. Deterministic: the same input
 * gives the same bytes, and with a signer the enveloped signature is appended (xml-signature.ts).
 */
import { randomUUID } from 'node:crypto';
import { BUSSINESS_DOC_REASONS, documentTypeOrdinal } from '../../../domain/exchange/code-lists.ts';
import { canonicalDocumentId } from '../../../domain/exchange/document-id.ts';
import type { Bussiness, DocumentType, MessageHeader, TraceHeader } from '../../../domain/exchange/package.ts';
import { invalidField } from '../../../domain/exchange/refusal.ts';
import { signXmlBytes, type SignOptions } from '../xml-signature.ts';
import { EDXML_NS } from './constants.ts';
import { validateDocumentEmission } from './validate-emission.ts';
import { writeBussiness, writeMessageHeader } from './write-header.ts';
import { XmlWriter } from './xml-writer.ts';
import { writeSingleEntryZip } from './zip-write.ts';

export interface BuildAttachment {
  /** `cid:<uuid>`; generated when absent. */
  readonly ContentId?: string;
  readonly AttachmentName: string;
  readonly ContentType: string;
  readonly Description?: string;
  readonly bytes: Buffer;
}

export interface BuildDocumentInput {
  /** Lowercase UUID; a fresh one when absent. Keep it (and the bytes) for retries. */
  readonly packageId?: string;
  /** `DocumentId` is derived (§2.6); `DocumentType` needs only `TypeName` (Type and TypeDetail are derived, §2.4). */
  readonly MessageHeader: Omit<MessageHeader, 'DocumentId' | 'DocumentType'> & { DocumentType?: Partial<DocumentType> & { TypeName: string } };
  /** The issuer's entry first; earlier entries repeated when forwarding. */
  readonly TraceHeader: readonly TraceHeader[];
  readonly Bussiness: Bussiness;
  readonly attachments: readonly BuildAttachment[];
}

export interface BuildOptions {
  /** `zip` (default, the SDK's form) or `base64` (per-peer setting). */
  readonly encoding?: 'zip' | 'base64';
  readonly signer?: SignOptions;
}

export interface BuiltPackage {
  readonly bytes: Buffer;
  readonly packageId: string;
  readonly documentId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function zipEntryName(contentId: string, attachmentName: string): string {
  const id = contentId.replace(/^cid:/, '').replace(/[^0-9A-Za-z-]/g, '_') || 'tep';
  const ext = /\.([0-9A-Za-z]{1,10})$/.exec(attachmentName)?.[1];
  return ext ? `${id}.${ext}` : id;
}

export function buildDocumentPackage(input: BuildDocumentInput, options: BuildOptions = {}): BuiltPackage {
  validateDocumentEmission({ ...input, attachmentCount: input.attachments.length });
  const packageId = input.packageId ?? randomUUID();
  if (!UUID.test(packageId)) throw invalidField('TraceHeaderList/@id', 'Mã gói tin phải là UUID viết thường', 'local');
  const h = input.MessageHeader;
  const documentId = canonicalDocumentId(h.From.OrganId, h.PromulgationInfo.PromulgationDate, h.Code.CodeNumber, h.Code.CodeNotation);
  const typeName = h.DocumentType?.TypeName.trim() ?? '';
  if (!typeName) throw invalidField('MessageHeader/DocumentType/TypeName', 'Tên loại văn bản không được để trống', 'local');
  const header: MessageHeader = {
    ...h,
    // Type is derived from TypeName (Decree 30 ordinal or 0); TypeDetail is always 0 (§2.4).
    DocumentType: { Type: String(documentTypeOrdinal(typeName)), TypeDetail: '0', TypeName: typeName },
    SteeringType: h.SteeringType ?? '0',
    DocumentId: documentId,
  };
  const bussiness: Bussiness = { ...input.Bussiness, BussinessDocReason: input.Bussiness.BussinessDocReason ?? BUSSINESS_DOC_REASONS[input.Bussiness.BussinessDocType] };
  const attachments = input.attachments.map((a) => ({ ...a, ContentId: a.ContentId ?? `cid:${randomUUID()}` }));

  const w = new XmlWriter();
  w.open('edXML', { xmlns: EDXML_NS });
  w.open('edXML:edXMLEnvelope', { 'xmlns:edXML': EDXML_NS });
  w.open('edXML:edXMLHeader');
  writeMessageHeader(w, header);
  w.open('edXML:TraceHeaderList', { id: packageId });
  for (const t of input.TraceHeader) {
    w.open('edXML:TraceHeader').leaf('edXML:OrganId', t.OrganId).leaf('edXML:Timestamp', t.Timestamp).close('edXML:TraceHeader');
  }
  writeBussiness(w, bussiness);
  w.close('edXML:TraceHeaderList');
  w.close('edXML:edXMLHeader');
  w.open('edXML:edXMLBody');
  if (attachments.length === 0) {
    w.empty('edXML:edXMLManifest', { version: '1.0' });
  } else {
    w.open('edXML:edXMLManifest', { version: '1.0' });
    for (const a of attachments) {
      w.open('edXML:Reference')
        .leaf('edXML:ContentId', a.ContentId)
        .leaf('edXML:ContentType', a.ContentType)
        .leaf('edXML:AttachmentName', a.AttachmentName)
        .leaf('edXML:Description', a.Description)
        .close('edXML:Reference');
    }
    w.close('edXML:edXMLManifest');
  }
  w.close('edXML:edXMLBody');
  w.close('edXML:edXMLEnvelope');
  if (attachments.length > 0) {
    w.open('AttachmentEncoded');
    for (const a of attachments) {
      const payload = options.encoding === 'base64' ? a.bytes : writeSingleEntryZip(zipEntryName(a.ContentId, a.AttachmentName), a.bytes);
      w.open('Attachment')
        .leaf('ContentId', a.ContentId)
        .leaf('AttachmentName', a.AttachmentName)
        .leaf('Description', a.Description)
        .leaf('ContentType', a.ContentType)
        .base64Leaf('edXML:ContentTransferEncoded', payload, { 'xmlns:edXML': EDXML_NS })
        .close('Attachment');
    }
    w.close('AttachmentEncoded');
  }
  w.close('edXML');
  const unsigned = w.toBuffer();
  const bytes = options.signer ? signXmlBytes(unsigned, options.signer) : unsigned;
  return { bytes, packageId, documentId };
}
