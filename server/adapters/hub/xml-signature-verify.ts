/** Verification of one enveloped XMLDSig over `URI=""` (exchange.md §2.7 "Verification"). */
import { verify as rsaVerify, X509Certificate, type KeyObject } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { ExchangeErrorCode as E, ExchangeRefusal } from '../../domain/exchange/refusal.ts';
import { EDXML_NS, XMLDSIG_NS } from './edxml/constants.ts';
import type { ParsedXml } from './edxml/parse-xml.ts';
import { ALG, c14nKind, canonicalize, DIGESTS, documentDigest, SIGNATURES, type C14nKind } from './xml-signature-core.ts';

export interface VerifyOptions {
  /** PEM trust anchors; when given, the signer must be one of them or chain to one. */
  readonly trustedCertificates?: readonly string[];
  /** Time of receipt for the validity check (default: now). */
  readonly at?: Date;
  /**
   * Revocation status of the signer (OCSP/CRL, supplied by the caller). `unknown` (no fresh data)
   * never counts as valid: the result is indeterminate and the sender retries (§2.7, C32).
   */
  readonly checkRevocation?: (signer: X509Certificate, chain: readonly X509Certificate[]) => 'good' | 'revoked' | 'unknown';
}

export type SignatureProblemCode = 'EXCHANGE_SIGNATURE_MISSING' | 'EXCHANGE_SIGNATURE_INVALID' | 'EXCHANGE_SIGNATURE_INDETERMINATE';

export interface CertificateInfo {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly fingerprint256: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly pem: string;
}

export interface XmlSignatureResult {
  /** A Signature in the XMLDSig namespace was found. */
  readonly present: boolean;
  /** Digest and value hold, the certificate is in its validity period and, when anchors are given, trusted. */
  readonly valid: boolean;
  readonly digestValid: boolean;
  readonly signatureValid: boolean;
  /** `null` when no trust anchors were given. */
  readonly trusted: boolean | null;
  readonly timeValid: boolean | null;
  /** RSA-SHA1 or SHA-1 digest: accepted, recorded as weak. */
  readonly weak: boolean;
  /** `not-checked` unless the caller supplied `checkRevocation`. */
  readonly revocation: 'not-checked' | 'good' | 'revoked' | 'unknown';
  readonly certificate?: CertificateInfo;
  readonly algorithms?: { readonly canonicalization: string; readonly signature: string; readonly digest: string; readonly transforms: readonly string[] };
  readonly problem?: { readonly code: SignatureProblemCode; readonly reason: string };
  readonly notes: readonly string[];
}

const base = { digestValid: false, signatureValid: false, trusted: null, timeValid: null, weak: false, revocation: 'not-checked' as XmlSignatureResult['revocation'] };

function missing(reason: string, notes: string[]): XmlSignatureResult {
  return { ...base, present: false, valid: false, problem: { code: 'EXCHANGE_SIGNATURE_MISSING', reason }, notes };
}

function dsChildren(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as Element).localName === name && (c as Element).namespaceURI === XMLDSIG_NS) out.push(c as Element);
  return out;
}

function certInfo(cert: X509Certificate): CertificateInfo {
  return { subject: cert.subject, issuer: cert.issuer, serialNumber: cert.serialNumber, fingerprint256: cert.fingerprint256, validFrom: cert.validFrom, validTo: cert.validTo, pem: cert.toString() };
}

function chainsTo(signer: X509Certificate, extras: X509Certificate[], anchors: X509Certificate[]): boolean {
  let current = signer;
  for (let depth = 0; depth < 6; depth++) {
    for (const a of anchors) {
      if (a.fingerprint256 === current.fingerprint256) return true;
      if (current.checkIssued(a) && current.verify(a.publicKey)) return true;
    }
    const up = extras.find((x) => x !== current && current.checkIssued(x) && current.verify(x.publicKey));
    if (!up) return false;
    current = up;
  }
  return false;
}

const anchorCache = new Map<string, X509Certificate>();

/** Trust anchors are parsed once per PEM (the same few anchors verify every package). */
function anchorOf(pem: string): X509Certificate {
  let cert = anchorCache.get(pem);
  if (!cert) {
    if (anchorCache.size >= 64) anchorCache.clear();
    cert = new X509Certificate(pem);
    anchorCache.set(pem, cert);
  }
  return cert;
}

export function verifyParsedXml(xml: ParsedXml, options: VerifyOptions = {}): XmlSignatureResult {
  const doc = xml.document;
  const notes: string[] = [];
  const all = doc.getElementsByTagNameNS('*', 'Signature');
  const ds: Element[] = [];
  for (let i = 0; i < all.length; i++) {
    const el = all.item(i)!;
    if (el.namespaceURI === XMLDSIG_NS) ds.push(el);
    else notes.push(`Phần tử Signature nằm ngoài không gian tên XMLDSig (${el.namespaceURI ?? 'không có'}) được coi như không có chữ ký`);
  }
  if (doc.getElementsByTagNameNS(EDXML_NS, 'DigitalSignature').length > 0) notes.push('Có phần tử giữ chỗ DigitalSignature, không phải chữ ký');
  if (ds.length === 0) return missing('Gói tin không có chữ ký số XML (XMLDSig)', notes);
  const invalid = (reason: string, extra: Partial<XmlSignatureResult> = {}): XmlSignatureResult => ({
    ...base, present: true, valid: false, ...extra, problem: { code: 'EXCHANGE_SIGNATURE_INVALID', reason }, notes,
  });
  if (ds.length > 1) return invalid(`Gói tin có ${ds.length} chữ ký XML, chỉ được phép một`);
  const sig = ds[0]!;
  const signedInfo = dsChildren(sig, 'SignedInfo')[0];
  const valueText = dsChildren(sig, 'SignatureValue')[0]?.textContent?.replace(/\s+/g, '') ?? '';
  if (!signedInfo || !valueText) return invalid('Chữ ký XML thiếu SignedInfo hoặc SignatureValue');
  const c14nAlg = dsChildren(signedInfo, 'CanonicalizationMethod')[0]?.getAttribute('Algorithm') ?? '';
  const sigAlg = dsChildren(signedInfo, 'SignatureMethod')[0]?.getAttribute('Algorithm') ?? '';
  const refs = dsChildren(signedInfo, 'Reference');
  if (refs.length !== 1) return invalid(`Chữ ký XML phải có đúng một Reference (có ${refs.length})`);
  const ref = refs[0]!;
  if (!ref.hasAttribute('URI') || ref.getAttribute('URI') !== '') return invalid(`Reference của chữ ký phải là URI="" (toàn bộ tài liệu), không phải "${ref.getAttribute('URI') ?? ''}"`);
  const transformsEl = dsChildren(ref, 'Transforms')[0];
  const transforms = transformsEl ? dsChildren(transformsEl, 'Transform').map((t) => t.getAttribute('Algorithm') ?? '') : [];
  if (transforms[0] !== ALG.ENVELOPED || transforms.length > 2) return invalid('Chữ ký XML phải dùng phép biến đổi enveloped-signature (và tối đa một phép chuẩn hóa)');
  let refKind: C14nKind = 'inclusive';
  if (transforms[1] !== undefined) {
    const k = c14nKind(transforms[1]);
    if (!k) return invalid(`Phép biến đổi ${transforms[1]} không được hỗ trợ`);
    refKind = k;
  }
  const digestAlg = dsChildren(ref, 'DigestMethod')[0]?.getAttribute('Algorithm') ?? '';
  const digest = DIGESTS[digestAlg];
  const signature = SIGNATURES[sigAlg];
  const siKind = c14nKind(c14nAlg);
  if (!digest || !signature || !siKind) return invalid(`Thuật toán chữ ký không được hỗ trợ (${[c14nAlg, sigAlg, digestAlg].join(', ')})`);
  const algorithms = { canonicalization: c14nAlg, signature: sigAlg, digest: digestAlg, transforms };
  const weak = digest.weak || signature.weak;
  if (weak) notes.push('Chữ ký dùng SHA-1: được chấp nhận nhưng ghi nhận là yếu');
  if (transforms.includes(ALG.EXC_C14N_ALIAS) || c14nAlg === ALG.EXC_C14N_ALIAS) notes.push('Dùng định danh chuẩn hóa không chuẩn http://www.w3.org/TR/xml-exc-c14n#');

  const certTexts = dsChildren(sig, 'KeyInfo').flatMap((k) => dsChildren(k, 'X509Data')).flatMap((d) => dsChildren(d, 'X509Certificate'));
  let certs: X509Certificate[];
  try {
    certs = certTexts.map((c) => new X509Certificate(Buffer.from((c.textContent ?? '').replace(/\s+/g, ''), 'base64')));
  } catch {
    return invalid('Chứng thư số trong KeyInfo không đọc được', { algorithms, weak });
  }
  const signer = certs[0];
  if (!signer) return invalid('Chữ ký XML không kèm chứng thư số (KeyInfo/X509Data/X509Certificate)', { algorithms, weak });
  const certificate = certInfo(signer);
  let publicKey: KeyObject;
  try {
    publicKey = signer.publicKey;
  } catch {
    return invalid('Khóa công khai trong chứng thư số không đọc được', { algorithms, weak, certificate });
  }
  if (publicKey.asymmetricKeyType !== 'rsa') return invalid('Chứng thư số không dùng khóa RSA', { algorithms, weak, certificate });

  const digestValid = documentDigest(xml, sig, refKind, digest.node) === (dsChildren(ref, 'DigestValue')[0]?.textContent ?? '').replace(/\s+/g, '');
  const canonicalSignedInfo = canonicalize(signedInfo, siKind, true);
  let signatureValid: boolean;
  try {
    signatureValid = rsaVerify(signature.node, Buffer.from(canonicalSignedInfo, 'utf8'), publicKey, Buffer.from(valueText, 'base64'));
  } catch {
    signatureValid = false;
  }
  const at = options.at ?? new Date();
  const timeValid = new Date(signer.validFrom) <= at && at <= new Date(signer.validTo);
  const anchors = options.trustedCertificates?.map(anchorOf);
  let trusted: boolean | null = null;
  if (anchors) {
    try {
      trusted = chainsTo(signer, certs.slice(1), anchors);
    } catch {
      trusted = false; // an unreadable certificate in the chain proves nothing
    }
  }
  const revocation: XmlSignatureResult['revocation'] = digestValid && signatureValid && timeValid && trusted !== false && options.checkRevocation ? options.checkRevocation(signer, certs.slice(1)) : 'not-checked';
  const result = { ...base, present: true, digestValid, signatureValid, trusted, timeValid, weak, revocation, certificate, algorithms, notes };
  if (!digestValid) return invalid('Giá trị băm (DigestValue) không khớp: nội dung gói tin đã bị thay đổi sau khi ký', result);
  if (!signatureValid) return invalid('Giá trị chữ ký (SignatureValue) không hợp lệ', result);
  if (!timeValid) return invalid(`Chứng thư số không còn hiệu lực tại thời điểm nhận (hiệu lực ${signer.validFrom} – ${signer.validTo})`, result);
  if (trusted === false) return invalid('Chứng thư số không được tin cậy (không thuộc chuỗi của tổ chức chứng thực đã cấu hình)', result);
  if (revocation === 'revoked') return invalid('Chứng thư số đã bị thu hồi', result);
  if (revocation === 'unknown') {
    return { ...result, valid: false, problem: { code: 'EXCHANGE_SIGNATURE_INDETERMINATE', reason: 'Chưa có dữ liệu thu hồi mới cho chứng thư số; chưa thể xác định chữ ký, bên gửi sẽ thử lại' } };
  }
  return { ...result, valid: true };
}

/** Throws the refusal a result implies: MISSING or INVALID (origin hub). */
export function assertSignature(result: XmlSignatureResult): void {
  if (result.problem) throw new ExchangeRefusal(E[result.problem.code], result.problem.reason);
}
