/**
 * `lienthong edxml inspect`: checks a package file as the hub would on receipt (receive-check.ts
 * order) and reports what it could read even when the package would be refused.
 */
import { businessTypeOf } from '../../../domain/exchange/package.ts';
import { ExchangeErrorCode as E, ExchangeRefusal, isExchangeRefusal } from '../../../domain/exchange/refusal.ts';
import { isSecretSphere } from '../../../domain/exchange/secrecy.ts';
import { STATUS_NAMES } from '../../../domain/exchange/status-codes.ts';
import { assertSignature, verifyParsedXml, type XmlSignatureResult } from '../xml-signature.ts';
import { decodeAttachments } from './attachments.ts';
import { DEFAULT_LIMITS, type EdxmlLimits } from './constants.ts';
import { packageIdOf } from './package-id.ts';
import { parsePackage, type ParsedPackage } from './parse-package.ts';

export interface InspectOptions {
  readonly limits?: EdxmlLimits;
  readonly signaturePolicy?: 'required' | 'unsigned-allowed';
  readonly trustedCertificates?: readonly string[];
  readonly at?: Date;
}

export interface InspectReport {
  readonly accepted: boolean;
  readonly refusal?: { readonly code: string; readonly origin: string; readonly message: string; readonly field?: string };
  readonly kind?: 'document' | 'status';
  readonly packageId?: string;
  readonly header?: Record<string, unknown>;
  readonly attachments?: readonly { name: string; displayName: string; contentType?: string; size: number; sha256: string; unpackedFrom?: string }[];
  readonly signature?: Omit<XmlSignatureResult, 'certificate'> & { certificate?: { subject: string; issuer: string; validTo: string; fingerprint256: string } };
  readonly warnings: readonly string[];
}

function refusalJson(e: ExchangeRefusal): NonNullable<InspectReport['refusal']> {
  return { code: e.code, origin: e.origin, message: e.message, ...(e.field ? { field: e.field } : {}) };
}

function headerOf(p: ParsedPackage): Record<string, unknown> {
  if (p.kind === 'status') {
    const s = p.package;
    return { From: s.From.OrganId, ResponseFor: s.ResponseFor, StatusCode: `${s.StatusCode} (${STATUS_NAMES[s.StatusCode]})`, Description: s.Description, Timestamp: s.Timestamp };
  }
  const h = p.package.MessageHeader;
  return {
    DocumentId: h.DocumentId,
    BussinessDocType: businessTypeOf(p.package),
    From: `${h.From.OrganId}${h.From.OrganName ? ` ${h.From.OrganName}` : ''}`,
    To: h.To.map((t) => `${t.OrganId}${t.OrganName ? ` ${t.OrganName}` : ''}`),
    Code: `${h.Code.CodeNumber}/${h.Code.CodeNotation}`,
    PromulgationDate: h.PromulgationInfo.PromulgationDate,
    TypeName: h.DocumentType?.TypeName,
    Subject: h.Subject,
    Priority: h.OtherInfo?.Priority,
    DueDate: h.DueDate,
    TraceHeader: p.package.TraceHeaderList.TraceHeader,
  };
}

export function inspectPackage(bytes: Buffer, options: InspectOptions = {}): InspectReport {
  const limits = options.limits ?? DEFAULT_LIMITS;
  let parsed: ParsedPackage;
  try {
    parsed = parsePackage(bytes, limits);
  } catch (e) {
    if (isExchangeRefusal(e)) return { accepted: false, refusal: refusalJson(e), warnings: [] };
    throw e;
  }
  let refusal: ExchangeRefusal | undefined;
  const note = (e: unknown) => {
    if (!isExchangeRefusal(e)) throw e;
    refusal ??= e;
  };
  let packageId: string | undefined;
  try {
    packageId = packageIdOf(parsed);
  } catch (e) {
    note(e);
  }
  const signature = verifyParsedXml(parsed.xml, { ...(options.trustedCertificates ? { trustedCertificates: options.trustedCertificates } : {}), ...(options.at ? { at: options.at } : {}) });
  if (signature.present || options.signaturePolicy !== 'unsigned-allowed') {
    try {
      assertSignature(signature);
    } catch (e) {
      note(e);
    }
  }
  if (parsed.kind === 'document' && isSecretSphere(parsed.package.MessageHeader.OtherInfo?.SphereOfPromulgation)) {
    note(new ExchangeRefusal(E.EXCHANGE_SECRET_DOCUMENT, 'Gói tin mang độ mật: văn bản mật không được trao đổi qua trục liên thông'));
  }
  let attachments: InspectReport['attachments'] = [];
  const attachmentWarnings: string[] = [];
  if (parsed.kind === 'document' && !(refusal?.code === E.EXCHANGE_SECRET_DOCUMENT)) {
    try {
      const decoded = decodeAttachments(parsed, limits.maxAttachmentBytes);
      attachmentWarnings.push(...decoded.flatMap((a) => a.warnings));
      attachments = decoded.map((a) => ({
        name: a.AttachmentName ?? '',
        displayName: a.displayName,
        ...(a.ContentType ? { contentType: a.ContentType } : {}),
        size: a.size,
        sha256: a.sha256,
        ...(a.unpackedFrom ? { unpackedFrom: a.unpackedFrom } : {}),
      }));
    } catch (e) {
      note(e);
    }
  }
  const { certificate, ...sig } = signature;
  return {
    accepted: refusal === undefined,
    ...(refusal ? { refusal: refusalJson(refusal) } : {}),
    kind: parsed.kind,
    ...(packageId ? { packageId } : {}),
    header: headerOf(parsed),
    attachments,
    signature: { ...sig, ...(certificate ? { certificate: { subject: certificate.subject, issuer: certificate.issuer, validTo: certificate.validTo, fingerprint256: certificate.fingerprint256 } } : {}) },
    warnings: [...parsed.warnings, ...signature.notes, ...attachmentWarnings],
  };
}
