/**
 * Entry point for reading a received package: safe XML (parse-xml.ts), root and namespace, package
 * kind, required fields and codes (exchange.md §5.1 up to "required fields and codes"). Signature,
 * secrecy and attachments are checked afterwards, in that order (receive-check.ts).
 */
import type { Element } from '@xmldom/xmldom';
import { needsAttachment } from '../../../domain/exchange/business-types.ts';
import { businessTypeOf, type AttachmentReference, type DocumentPackage, type StatusPackage } from '../../../domain/exchange/package.ts';
import { ExchangeErrorCode as E, ExchangeRefusal, invalidField } from '../../../domain/exchange/refusal.ts';
import { normalizeStatusCode } from '../../../domain/exchange/status-codes.ts';
import { DEFAULT_LIMITS, EDXML_NS, type EdxmlLimits } from './constants.ts';
import { child, childElements, children, compact, text } from './dom.ts';
import type { PackageBytes } from './package-bytes.ts';
import { parseXmlSafely, type ParsedXml } from './parse-xml.ts';
import { readManifest, readMessageHeader, readReference, readTrace } from './read-document.ts';
import { readOrgan, readResponseFor, readStaff, requireChild, requireTimestamp, Warnings } from './read-fields.ts';

/** An `Attachment` as received: its metadata and where its encoded text is. */
export interface ReceivedAttachment extends AttachmentReference {
  /** Index into `ParsedXml.ranges` (zero-copy), or the encoded text itself when it had to be parsed. */
  readonly source: { readonly range: number } | { readonly inline: string } | { readonly missing: true };
}

export interface ParsedDocumentPackage {
  readonly kind: 'document';
  readonly package: DocumentPackage;
  readonly attachments: readonly ReceivedAttachment[];
  readonly warnings: readonly string[];
  readonly xml: ParsedXml;
}

export interface ParsedStatusPackage {
  readonly kind: 'status';
  readonly package: StatusPackage;
  readonly warnings: readonly string[];
  readonly xml: ParsedXml;
}

export type ParsedPackage = ParsedDocumentPackage | ParsedStatusPackage;

const unsupported = (why: string) => new ExchangeRefusal(E.EXCHANGE_UNSUPPORTED_FORMAT, `Không phải gói tin EDXML: ${why}`);

/** Parses and checks a received package (a buffer, or a file read in windows); throws `ExchangeRefusal` on the first failure. */
export function parsePackage(bytes: Buffer | PackageBytes, limits: EdxmlLimits = DEFAULT_LIMITS): ParsedPackage {
  const xml = parseXmlSafely(bytes, limits);
  const root = xml.document.documentElement!;
  if (root.localName !== 'edXML' || root.namespaceURI !== EDXML_NS) {
    throw unsupported(`phần tử gốc là {${root.namespaceURI ?? ''}}${root.localName}, cần {${EDXML_NS}}edXML`);
  }
  const envelope = child(root, 'edXMLEnvelope');
  if (!envelope || envelope.namespaceURI !== EDXML_NS) throw unsupported('thiếu edXMLEnvelope');
  const header = child(envelope, 'edXMLHeader');
  const mh = child(header, 'MessageHeader');
  if (!header || !mh) throw unsupported('thiếu edXMLHeader/MessageHeader');
  refuseBusinessSpelling(header);
  const warnings = new Warnings();
  if (child(mh, 'StatusCode')) return { kind: 'status', package: readStatus(mh, warnings), warnings: warnings.list, xml };
  const traceList = child(header, 'TraceHeaderList');
  if (!traceList) throw unsupported('không phải gói tin văn bản cũng không phải gói tin trạng thái (thiếu TraceHeaderList và StatusCode)');
  const messageHeader = readMessageHeader(mh, warnings);
  const trace = readTrace(traceList, warnings);
  const body = child(envelope, 'edXMLBody');
  const pkg: DocumentPackage = { kind: 'document', MessageHeader: messageHeader, TraceHeaderList: trace, Manifest: readManifest(body) };
  const attachments = readAttachments(root, xml);
  const type = businessTypeOf(pkg);
  if (needsAttachment(type) && pkg.Manifest.length === 0 && attachments.length === 0) {
    throw invalidField('edXMLBody/edXMLManifest/Reference', `Gói tin loại ${type} phải có ít nhất một tệp đính kèm`);
  }
  return { kind: 'document', package: pkg, attachments, warnings: warnings.list, xml };
}

function refuseBusinessSpelling(header: Element): void {
  const pending: Element[] = [header];
  while (pending.length > 0) {
    const el = pending.pop()!;
    for (const c of childElements(el)) {
      if (c.localName === 'Business') throw invalidField('edXMLHeader/…/Business', 'Khối "Business" không thuộc chuẩn (phải là "Bussiness")');
      pending.push(c);
    }
  }
}

function readStatus(mh: Element, warnings: Warnings): StatusPackage {
  const path = 'MessageHeader';
  const from = readOrgan(requireChild(mh, 'From', `${path}/From`), `${path}/From`, true)!;
  const rawCode = text(mh, 'StatusCode') ?? '';
  const code = normalizeStatusCode(rawCode);
  if (!code) throw invalidField(`${path}/StatusCode`, `Mã trạng thái "${rawCode.slice(0, 20)}" không tồn tại`);
  const responseFor = readResponseFor(requireChild(mh, 'ResponseFor', `${path}/ResponseFor`), `${path}/ResponseFor`, warnings);
  if (!responseFor?.OrganId) throw invalidField(`${path}/ResponseFor/OrganId`, 'Thiếu cơ quan nhận trạng thái');
  if (!responseFor.DocumentId) throw invalidField(`${path}/ResponseFor/DocumentId`, 'Thiếu mã văn bản được phản hồi');
  return compact<StatusPackage>({
    kind: 'status',
    From: from,
    ResponseFor: responseFor,
    StaffInfo: readStaff(child(mh, 'StaffInfo')),
    StatusCode: code,
    Description: text(mh, 'Description'),
    Timestamp: requireTimestamp(mh, 'Timestamp', `${path}/Timestamp`),
  });
}

/** `AttachmentEncoded` as a child of the root, unprefixed or `edXML:`-prefixed (both in the edXML namespace). */
function readAttachments(root: Element, xml: ParsedXml): ReceivedAttachment[] {
  const out: ReceivedAttachment[] = [];
  for (const encoded of children(root, 'AttachmentEncoded')) {
    for (const a of children(encoded, 'Attachment')) {
      const path = `AttachmentEncoded/Attachment[${out.length + 1}]`;
      const ref = readReference(a, path);
      const cte = child(a, 'ContentTransferEncoded');
      let source: ReceivedAttachment['source'] = { missing: true };
      if (cte) {
        let raw = '';
        for (let c = cte.firstChild; c; c = c.nextSibling) raw += c.nodeValue ?? '';
        const range = xml.rangeOfMarker(raw);
        source = range >= 0 ? { range } : { inline: raw };
      }
      out.push({ ...ref, source });
    }
  }
  return out;
}
