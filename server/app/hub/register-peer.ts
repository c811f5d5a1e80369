/** Registers a peer hub (exchange.md §4.6): the code groups it serves, endpoint, certificate, credentials, policy. */
import { X509Certificate } from 'node:crypto';
import { parseOrganId } from '../../domain/exchange/organ-id.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { CERTIFICATE_CHECKS, type CertificateCheck, type PeerRecord, type SignaturePolicy } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertOperator } from './operator-access.ts';
import { credentialsHashOf, newPeerToken } from './peer-auth.ts';

export interface RegisterPeerInput {
  name: string;
  /** Exact codes, level-1 groups (`H41`), or `*` for the default route (which gives no right to send). */
  codePrefixes: string[];
  /** Absent for a peer that pulls its packages itself. */
  endpointUrl?: string | null;
  certificatePem?: string | null;
  /** The token the peer presents to us; generated (and returned once) when absent. */
  inboundToken?: string;
  /** The token we present to the peer's endpoint. */
  outboundToken?: string | null;
  signaturePolicy?: SignaturePolicy;
  /**
   * Default with a certificate: `chain-revocation`, the whole check of exchange.md §2.7 (chain to a
   * configured anchor, valid at receipt, not revoked by a current CRL, registered). `chain` and
   * `registered` fall short of §2.7 and must be asked for. Without a certificate: `registered`.
   */
  certificateCheck?: CertificateCheck;
  maxPackageBytes?: number | null;
}

/** The spec's full check wherever there is a certificate to check; a weaker level is the operator's explicit choice. */
export const defaultCertificateCheck = (certificatePem: string | null | undefined): CertificateCheck => (certificatePem ? 'chain-revocation' : 'registered');

const invalid = (field: string, message: string) => new AppError(ErrorCode.VALIDATION_FAILED, message, { field });

/** `actor` null = the machine's operator at the command line. */
export async function registerPeer(tx: TxPorts, actor: Actor | null, input: RegisterPeerInput): Promise<{ peer: PeerRecord; inboundToken: string }> {
  if (actor) assertOperator(actor);
  const name = input.name.trim();
  if (!name) throw invalid('name', 'Tên trục kết nối không được để trống.');
  if (input.codePrefixes.length === 0) throw invalid('codePrefixes', 'Cần ít nhất một mã hoặc nhóm mã mà trục phục vụ.');
  for (const p of input.codePrefixes) {
    if (p !== '*' && !/^[A-Z]\d{2}$/.test(p) && !parseOrganId(p).ok) throw invalid('codePrefixes', `"${p}" không phải mã định danh, nhóm cấp 1 (như H41) hay "*".`);
  }
  if (input.endpointUrl) {
    const url = URL.canParse(input.endpointUrl) ? new URL(input.endpointUrl) : null;
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw invalid('endpointUrl', 'Địa chỉ trục phải là URL http(s).');
  }
  if (input.certificatePem) {
    try {
      new X509Certificate(input.certificatePem);
    } catch {
      throw invalid('certificatePem', 'Chứng thư số của trục không đọc được (cần PEM X.509).');
    }
  }
  const certificateCheck = input.certificateCheck ?? defaultCertificateCheck(input.certificatePem);
  if (!CERTIFICATE_CHECKS.includes(certificateCheck)) throw invalid('certificateCheck', `Mức kiểm tra chứng thư "${String(certificateCheck)}" không hợp lệ (registered, chain, chain-revocation).`);
  if (certificateCheck !== 'registered' && !input.certificatePem) throw invalid('certificateCheck', 'Kiểm tra chuỗi tin cậy cần chứng thư số của trục.');
  const inboundToken = input.inboundToken ?? newPeerToken();
  if (inboundToken.length < 32) throw invalid('inboundToken', 'Mã xác thực của trục cần ít nhất 32 ký tự.');
  const peer = await tx.hub.insertPeer({
    name, codePrefixes: input.codePrefixes, endpointUrl: input.endpointUrl ?? null, certificatePem: input.certificatePem ?? null,
    credentialsHash: credentialsHashOf(inboundToken), outboundToken: input.outboundToken ?? null,
    signaturePolicy: input.signaturePolicy ?? 'required', certificateCheck, maxPackageBytes: input.maxPackageBytes ?? null,
  });
  await tx.audit.record({
    type: 'hub.peer_registered', actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: null, subjectType: 'hub_peer', subjectId: peer.id,
    data: { name, codePrefixes: input.codePrefixes, endpointUrl: peer.endpointUrl, signaturePolicy: peer.signaturePolicy, certificateCheck, by: actor ? 'user' : 'cli' },
  });
  return { peer, inboundToken };
}
