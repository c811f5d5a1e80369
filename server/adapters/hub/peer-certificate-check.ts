/**
 * Chain and revocation checks of a peer's signing certificate (exchange.md §2.7), reusing the signing
 * module's trust: its configured anchors and intermediates (CA folder and the operator's anchors) and
 * its CRLs (uploaded or fetched). Untrusted, expired or revoked: EXCHANGE_SIGNATURE_INVALID; no current
 * CRL from the issuer: EXCHANGE_SIGNATURE_INDETERMINATE (temporary, the sender retries). Origin `hub`.
 */
import { X509Certificate } from 'node:crypto';
import type { CertificateCheck } from '../../app/ports/hub.ts';
import { ExchangeErrorCode as E, ExchangeRefusal } from '../../domain/exchange/refusal.ts';
import { buildChain } from '../signing/validation/chain.ts';
import { checkRevocation, parseCrls } from '../signing/validation/revocation.ts';
import type { TrustSource } from '../signing/validation/trust-material.ts';

export async function checkPeerCertificate(trust: TrustSource | undefined, signerPem: string, check: CertificateCheck, at: Date): Promise<void> {
  if (check === 'registered') return;
  const material = trust ? await trust.load() : { anchors: [], intermediates: [], crls: [] };
  const signer = new X509Certificate(signerPem);
  const chain = buildChain(signer, material.intermediates, material.anchors, at);
  if (!chain.trusted) {
    throw new ExchangeRefusal(E.EXCHANGE_SIGNATURE_INVALID, `Chứng thư số ký gói tin (${signer.subject.replace(/\n/g, ', ')}) không chuỗi tới tổ chức chứng thực tin cậy nào đã cấu hình`, { details: { certificateCheck: 'untrusted' } });
  }
  if (chain.reasons.includes('EXPIRED') || chain.reasons.includes('NOT_YET_VALID')) {
    throw new ExchangeRefusal(E.EXCHANGE_SIGNATURE_INVALID, 'Một chứng thư trong chuỗi tin cậy không còn hiệu lực tại thời điểm nhận', { details: { certificateCheck: 'expired' } });
  }
  if (check !== 'chain-revocation') return;
  // A self-signed certificate configured as an anchor has no issuer to revoke it.
  const issuer = chain.path[1];
  if (!issuer) return;
  const reasons = checkRevocation(signer, issuer, parseCrls(material.crls), at, at);
  if (reasons.includes('REVOKED') || reasons.includes('REVOKED_AFTER_SIGNING')) {
    throw new ExchangeRefusal(E.EXCHANGE_SIGNATURE_INVALID, `Chứng thư số ký gói tin (số hiệu ${signer.serialNumber}) đã bị thu hồi`, { details: { certificateCheck: 'revoked' } });
  }
  if (reasons.includes('NO_REVOCATION_DATA')) {
    throw new ExchangeRefusal(E.EXCHANGE_SIGNATURE_INDETERMINATE, 'Chưa có danh sách thu hồi (CRL) còn hiệu lực cho chứng thư số ký gói tin; chưa xác định được chữ ký, bên gửi sẽ thử lại', { details: { certificateCheck: 'no-revocation-data' } });
  }
}
