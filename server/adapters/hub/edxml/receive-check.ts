/**
 * The codec's part of receipt, in the order of exchange.md §5.1: size → XML safety → root, namespace
 * and kind → required fields and codes → package id → signature → secrecy → attachments. Peer
 * authentication, deduplication, the sender check and routing belong to the hub and run around this.
 */
import { isSecretSphere } from '../../../domain/exchange/secrecy.ts';
import { ExchangeErrorCode as E, ExchangeRefusal } from '../../../domain/exchange/refusal.ts';
import { assertSignature, verifyParsedXml, type VerifyOptions, type XmlSignatureResult } from '../xml-signature.ts';
import { decodeAttachments, matchAttachments, type DecodedAttachment } from './attachments.ts';
import { DEFAULT_LIMITS, type EdxmlLimits } from './constants.ts';
import { packageIdOf } from './package-id.ts';
import { parsePackage, type ParsedPackage } from './parse-package.ts';

export interface ReceiveCheckOptions {
  readonly limits?: EdxmlLimits;
  /** `required` (default) refuses an unsigned package; `unsigned-allowed` admits it and says so. */
  readonly signaturePolicy?: 'required' | 'unsigned-allowed';
  readonly trustedCertificates?: readonly string[];
  readonly at?: Date;
  readonly checkRevocation?: VerifyOptions['checkRevocation'];
  readonly transportId?: string;
  /** Sender check (§4.6): may the authenticated endpoint or peer send for this `From/OrganId`? */
  readonly isSenderAllowed?: (fromOrganId: string) => boolean;
  /** Sender check: is the signing certificate (SHA-256 fingerprint, `AA:BB:…`) registered for this organ or its peer? */
  readonly isCertificateRegistered?: (fromOrganId: string, fingerprint256: string) => boolean;
  /**
   * Decode attachments into buffers (default true). With `false` they are only paired with the
   * manifest (C27); stream each one to the file store with `streamAttachment` (attachment-stream.ts).
   */
  readonly decodeAttachments?: boolean;
}

export interface ReceiveCheckResult {
  readonly parsed: ParsedPackage;
  readonly packageId: string;
  readonly signature: XmlSignatureResult;
  /** True when admitted without a usable signature under `unsigned-allowed` (record it in the trace). */
  readonly unsignedAdmitted: boolean;
  readonly attachments: readonly DecodedAttachment[];
  readonly warnings: readonly string[];
}

export function checkReceivedPackage(bytes: Buffer, options: ReceiveCheckOptions = {}): ReceiveCheckResult {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const parsed = parsePackage(bytes, limits);
  const packageId = packageIdOf(parsed, options.transportId);
  const signature = verifyParsedXml(parsed.xml, {
    ...(options.trustedCertificates ? { trustedCertificates: options.trustedCertificates } : {}),
    ...(options.at ? { at: options.at } : {}),
    ...(options.checkRevocation ? { checkRevocation: options.checkRevocation } : {}),
  });
  let unsignedAdmitted = false;
  if (!signature.present && options.signaturePolicy === 'unsigned-allowed') unsignedAdmitted = true;
  else assertSignature(signature);
  const from = parsed.kind === 'document' ? parsed.package.MessageHeader.From.OrganId : parsed.package.From.OrganId;
  if (options.isSenderAllowed && !options.isSenderAllowed(from)) {
    throw new ExchangeRefusal(E.EXCHANGE_SENDER_MISMATCH, `Bên gửi không được phép gửi thay cơ quan ${from}`);
  }
  if (options.isCertificateRegistered && signature.certificate && !options.isCertificateRegistered(from, signature.certificate.fingerprint256)) {
    throw new ExchangeRefusal(E.EXCHANGE_SENDER_MISMATCH, `Chứng thư ký gói tin không được đăng ký cho cơ quan ${from}`);
  }
  const warnings = [...parsed.warnings, ...signature.notes];
  if (parsed.kind === 'document' && isSecretSphere(parsed.package.MessageHeader.OtherInfo?.SphereOfPromulgation)) {
    throw new ExchangeRefusal(E.EXCHANGE_SECRET_DOCUMENT, 'Gói tin mang độ mật: văn bản mật không được trao đổi qua trục liên thông');
  }
  let attachments: DecodedAttachment[] = [];
  if (parsed.kind === 'document') {
    if (options.decodeAttachments === false) warnings.push(...matchAttachments(parsed, limits.maxAttachments).flatMap((m) => m.warnings));
    else attachments = decodeAttachments(parsed, limits.maxAttachmentBytes);
    warnings.push(...attachments.flatMap((a) => a.warnings));
  }
  return { parsed, packageId, signature, unsignedAdmitted, attachments, warnings };
}
