/**
 * The hub's reader of received bytes (port PackageReader), over the EDXML codec: safe parse, format,
 * fields and package id first (before deduplication), then the signature against the peer's
 * registered certificate, then the attachments — the order of exchange.md §5.1.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { documentIdKey } from '../../domain/exchange/document-id.ts';
import { businessTypeOf, changeTargetOf } from '../../domain/exchange/package.ts';
import { ExchangeErrorCode as E, ExchangeRefusal } from '../../domain/exchange/refusal.ts';
import { isSecretSphere } from '../../domain/exchange/secrecy.ts';
import { wireTimestampToDate } from '../../domain/exchange/wire-dates.ts';
import type { CertificateCheck, SignaturePolicy } from '../../app/ports/hub.ts';
import type { PackageReader, ReadPackage, ReceivedBytes, SignatureCheck } from '../../app/ports/hub-wire.ts';
import type { TrustSource } from '../signing/validation/trust-material.ts';
import { checkPeerCertificate } from './peer-certificate-check.ts';
import { matchAttachments } from './edxml/attachments.ts';
import { streamAttachment } from './edxml/attachment-stream.ts';
import { DEFAULT_LIMITS, type EdxmlLimits } from './edxml/constants.ts';
import { fileBytes } from './edxml/package-bytes.ts';
import { packageIdOf } from './edxml/package-id.ts';
import { parsePackage, type ParsedPackage } from './edxml/parse-package.ts';
import { assertSignature, verifyParsedXml } from './xml-signature.ts';

interface Handle {
  parsed: ParsedPackage;
  limits: EdxmlLimits;
}

/** Registered certificates are few and read for every package: parse each PEM once. */
const fingerprints = new Map<string, string>();
function fingerprintOf(pem: string): string {
  let fp = fingerprints.get(pem);
  if (fp === undefined) {
    if (fingerprints.size >= 256) fingerprints.clear();
    fp = new X509Certificate(pem).fingerprint256;
    fingerprints.set(pem, fp);
  }
  return fp;
}

function priorityOf(raw: string | undefined): number {
  const n = raw === undefined ? 0 : Number.parseInt(raw, 10);
  return Number.isFinite(n) && n >= 0 ? n : 0;
}

/** §4.2: a status is the same status when From, ResponseFor/DocumentId, StatusCode and Timestamp agree. */
export function statusKeyOf(from: string, documentId: string, statusCode: string, timestamp: string): string {
  return JSON.stringify([from.trim(), documentIdKey(documentId), statusCode, timestamp.trim()]);
}

function createdAt(raw: string | undefined): { createdAt?: Date } {
  const at = raw ? wireTimestampToDate(raw) : null;
  return at && !Number.isNaN(at.getTime()) ? { createdAt: at } : {};
}

export class EdxmlPackageReader implements PackageReader {
  /** `trust`: the signing module's anchors and CRLs, for peers whose certificate check goes beyond `registered`. */
  constructor(
    private readonly baseLimits: EdxmlLimits = DEFAULT_LIMITS,
    private readonly trust?: TrustSource,
  ) {}

  /** A spooled package is read from its file in windows (edxml/compact.ts): never one package-sized buffer. */
  read(received: ReceivedBytes, options: { transportId?: string; maxBytes: number }): { info: ReadPackage; handle: unknown } {
    const limits = { ...this.baseLimits, maxPackageBytes: Math.min(this.baseLimits.maxPackageBytes, options.maxBytes) };
    const inMemory = Buffer.isBuffer(received);
    const parsed = parsePackage(inMemory ? received : fileBytes(received.path, received.size), limits);
    const packageId = packageIdOf(parsed, options.transportId);
    const sha256 = inMemory ? createHash('sha256').update(received).digest('hex') : received.sha256;
    const size = inMemory ? received.length : received.size;
    let info: ReadPackage;
    if (parsed.kind === 'document') {
      const mh = parsed.package.MessageHeader;
      info = {
        packageId, kind: 'document', sha256, size, senderCode: mh.From.OrganId, receiverCodes: mh.To.map((t) => t.OrganId),
        businessType: businessTypeOf(parsed.package), documentId: mh.DocumentId, documentKey: documentIdKey(changeTargetOf(parsed.package)),
        priority: priorityOf(mh.OtherInfo?.Priority), secretMarked: isSecretSphere(mh.OtherInfo?.SphereOfPromulgation),
        ...createdAt(parsed.package.TraceHeaderList.TraceHeader[0]?.Timestamp),
      };
    } else {
      const s = parsed.package;
      info = {
        packageId, kind: 'status', sha256, size, senderCode: s.From.OrganId, receiverCodes: [s.ResponseFor.OrganId!],
        businessType: null, documentId: s.ResponseFor.DocumentId!, documentKey: documentIdKey(s.ResponseFor.DocumentId!), priority: 0, secretMarked: false,
        statusKey: statusKeyOf(s.From.OrganId, s.ResponseFor.DocumentId!, s.StatusCode, s.Timestamp),
        ...createdAt(s.Timestamp),
      };
    }
    return { info, handle: { parsed, limits } satisfies Handle };
  }

  async verify(handle: unknown, options: { policy: SignaturePolicy; certificatePem: string | null; at: Date; certificateCheck?: CertificateCheck }): Promise<SignatureCheck> {
    const { parsed } = handle as Handle;
    const result = verifyParsedXml(parsed.xml, { at: options.at });
    if (!result.present && options.policy === 'unsigned-allowed') return { signed: false, unsignedAdmitted: true, weak: false, signerFingerprint: null };
    assertSignature(result);
    if (result.certificate) await checkPeerCertificate(this.trust, result.certificate.pem, options.certificateCheck ?? 'registered', options.at);
    const signer = result.certificate?.fingerprint256 ?? null;
    const registered = options.certificatePem ? fingerprintOf(options.certificatePem) : null;
    if (!registered || signer !== registered) {
      throw new ExchangeRefusal(E.EXCHANGE_SENDER_MISMATCH, 'Chữ ký hợp lệ nhưng chứng thư số ký không phải chứng thư đã đăng ký cho trục gửi');
    }
    return { signed: true, unsignedAdmitted: false, weak: result.weak, signerFingerprint: signer };
  }

  /** Streams each attachment through the decoder (and inflater) without keeping it: bounded memory. */
  async checkAttachments(handle: unknown): Promise<void> {
    const { parsed, limits } = handle as Handle;
    if (parsed.kind !== 'document') return;
    for (const m of matchAttachments(parsed, limits.maxAttachments)) await streamAttachment(parsed, m, () => undefined, limits.maxAttachmentBytes);
  }
}
