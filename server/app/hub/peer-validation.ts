/** The rules a peer's registration and its later changes share (exchange.md §4.6), with the field each refusal names. */
import { X509Certificate } from 'node:crypto';
import { parseOrganId } from '../../domain/exchange/organ-id.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { CERTIFICATE_CHECKS, SIGNATURE_POLICIES, type CertificateCheck, type SignaturePolicy } from '../ports/hub.ts';

export const invalidPeerField = (field: string, message: string) => new AppError(ErrorCode.VALIDATION_FAILED, message, { field });

export function checkPeerName(raw: string): string {
  const name = raw.trim();
  if (!name) throw invalidPeerField('name', 'Tên trục kết nối không được để trống.');
  return name;
}

export function checkCodePrefixes(codePrefixes: readonly string[]): void {
  if (codePrefixes.length === 0) throw invalidPeerField('codePrefixes', 'Cần ít nhất một mã hoặc nhóm mã mà trục phục vụ.');
  for (const p of codePrefixes) {
    if (p !== '*' && !/^[A-Z]\d{2}$/.test(p) && !parseOrganId(p).ok) throw invalidPeerField('codePrefixes', `"${p}" không phải mã định danh, nhóm cấp 1 (như H41) hay "*".`);
  }
}

export function checkEndpointUrl(endpointUrl: string | null | undefined): void {
  if (!endpointUrl) return;
  const url = URL.canParse(endpointUrl) ? new URL(endpointUrl) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw invalidPeerField('endpointUrl', 'Địa chỉ trục phải là URL http(s).');
}

export function checkCertificatePem(certificatePem: string | null | undefined): void {
  if (!certificatePem) return;
  try {
    new X509Certificate(certificatePem);
  } catch {
    throw invalidPeerField('certificatePem', 'Chứng thư số của trục không đọc được (cần PEM X.509).');
  }
}

/** The level must be known, and anything beyond `registered` needs the peer's certificate. */
export function checkCertificateCheck(certificateCheck: CertificateCheck, certificatePem: string | null | undefined): void {
  if (!CERTIFICATE_CHECKS.includes(certificateCheck)) throw invalidPeerField('certificateCheck', `Mức kiểm tra chứng thư "${String(certificateCheck)}" không hợp lệ (registered, chain, chain-revocation).`);
  if (certificateCheck !== 'registered' && !certificatePem) throw invalidPeerField('certificateCheck', 'Kiểm tra chuỗi tin cậy cần chứng thư số của trục.');
}

export function checkSignaturePolicy(policy: SignaturePolicy): void {
  if (!SIGNATURE_POLICIES.includes(policy)) throw invalidPeerField('signaturePolicy', `Chính sách chữ ký "${String(policy)}" không hợp lệ (required, unsigned-allowed).`);
}

export function checkInboundToken(token: string): void {
  if (token.length < 32) throw invalidPeerField('inboundToken', 'Mã xác thực của trục cần ít nhất 32 ký tự.');
}
