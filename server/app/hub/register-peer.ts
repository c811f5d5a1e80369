/** Registers a peer hub (exchange.md §4.6): the code groups it serves, endpoint, certificate, credentials, policy. */
import type { Actor } from '../actor.ts';
import type { CertificateCheck, PeerRecord, SignaturePolicy } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertOperator } from './operator-access.ts';
import { credentialsHashOf, newPeerToken } from './peer-auth.ts';
import { checkCertificateCheck, checkCertificatePem, checkCodePrefixes, checkEndpointUrl, checkInboundToken, checkPeerName } from './peer-validation.ts';

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

/** `actor` null = the machine's operator at the command line. */
export async function registerPeer(tx: TxPorts, actor: Actor | null, input: RegisterPeerInput): Promise<{ peer: PeerRecord; inboundToken: string }> {
  if (actor) assertOperator(actor);
  const name = checkPeerName(input.name);
  checkCodePrefixes(input.codePrefixes);
  checkEndpointUrl(input.endpointUrl);
  checkCertificatePem(input.certificatePem);
  const certificateCheck = input.certificateCheck ?? defaultCertificateCheck(input.certificatePem);
  checkCertificateCheck(certificateCheck, input.certificatePem);
  const inboundToken = input.inboundToken ?? newPeerToken();
  checkInboundToken(inboundToken);
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
