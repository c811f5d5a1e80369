/**
 * An operator changes a registered peer (exchange.md §4.6): its code groups, endpoint, certificate
 * (rotation), tokens, signature policy, certificate check level, or deactivates / reactivates it.
 * Same rules as registration (./peer-validation.ts), checked on the peer as it will be. Takes effect
 * on the next package: pushes read the peer per request, deliveries per claim. Audited with the
 * before / after of each changed field; tokens only as "replaced", certificates by fingerprint.
 */
import { X509Certificate } from 'node:crypto';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import { canWrite } from '../policies/permissions.ts';
import type { CertificateCheck, PeerPatch, PeerRecord, SignaturePolicy } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { credentialsHashOf, newPeerToken } from './peer-auth.ts';
import {
  checkCertificateCheck, checkCertificatePem, checkCodePrefixes, checkEndpointUrl, checkInboundToken, checkPeerName, checkSignaturePolicy, invalidPeerField,
} from './peer-validation.ts';

/** Absent = unchanged; `null` clears an optional field. */
export interface UpdatePeerInput {
  name?: string;
  codePrefixes?: string[];
  endpointUrl?: string | null;
  certificatePem?: string | null;
  /** A token agreed with the peer's operator (≥ 32 characters); the old one stops working. */
  inboundToken?: string;
  /** Generate a new inbound token (returned once); the old one stops working. */
  newInboundToken?: boolean;
  outboundToken?: string | null;
  signaturePolicy?: SignaturePolicy;
  certificateCheck?: CertificateCheck;
  maxPackageBytes?: number | null;
  active?: boolean;
}

type Audited = Exclude<keyof UpdatePeerInput, 'inboundToken' | 'newInboundToken' | 'outboundToken'>;
const AUDITED: readonly Audited[] = ['name', 'codePrefixes', 'endpointUrl', 'certificatePem', 'signaturePolicy', 'certificateCheck', 'maxPackageBytes', 'active'];

/** A certificate is named in the audit log by its SHA-256 fingerprint, not its PEM. */
const shown = (field: Audited, value: unknown): unknown =>
  field === 'certificatePem' && typeof value === 'string' ? new X509Certificate(value).fingerprint256 : value;

/** `actor` null = the machine's operator at the command line. An outsider gets "not found". */
export async function updatePeer(tx: TxPorts, actor: Actor | null, peerId: string, input: UpdatePeerInput): Promise<{ peer: PeerRecord; inboundToken?: string }> {
  // A user who may not operate the hub learns nothing, not even that the peer exists.
  if (actor && !canWrite([...actor.roles, ...Object.values(actor.servedRoles).flat()], 'hub.operate')) throw notFound('Trục kết nối');
  const before = await tx.hub.findPeerById(peerId);
  if (!before) throw notFound('Trục kết nối');
  if (input.inboundToken !== undefined && input.newInboundToken) throw invalidPeerField('inboundToken', 'Chọn một trong hai: nhập mã xác thực đã thỏa thuận hoặc để hệ thống tạo mã mới.');

  const patch: PeerPatch = {};
  if (input.name !== undefined) patch.name = checkPeerName(input.name);
  if (input.codePrefixes !== undefined) {
    checkCodePrefixes(input.codePrefixes);
    patch.codePrefixes = input.codePrefixes;
  }
  if (input.endpointUrl !== undefined) {
    checkEndpointUrl(input.endpointUrl);
    patch.endpointUrl = input.endpointUrl || null;
  }
  if (input.certificatePem !== undefined) {
    checkCertificatePem(input.certificatePem);
    patch.certificatePem = input.certificatePem || null;
  }
  if (input.signaturePolicy !== undefined) {
    checkSignaturePolicy(input.signaturePolicy);
    patch.signaturePolicy = input.signaturePolicy;
  }
  if (input.certificateCheck !== undefined || input.certificatePem !== undefined) {
    const level = input.certificateCheck ?? before.certificateCheck;
    checkCertificateCheck(level, patch.certificatePem !== undefined ? patch.certificatePem : before.certificatePem);
    if (input.certificateCheck !== undefined) patch.certificateCheck = level;
  }
  if (input.maxPackageBytes !== undefined) patch.maxPackageBytes = input.maxPackageBytes;
  if (input.active !== undefined) patch.active = input.active;
  if (input.outboundToken !== undefined) patch.outboundToken = input.outboundToken || null;
  const inboundToken = input.newInboundToken ? newPeerToken() : input.inboundToken;
  if (inboundToken !== undefined) {
    checkInboundToken(inboundToken);
    patch.credentialsHash = credentialsHashOf(inboundToken);
  }

  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of AUDITED) {
    const after = patch[field];
    if (after !== undefined && JSON.stringify(after) !== JSON.stringify(before[field])) changes[field] = { before: shown(field, before[field]), after: shown(field, after) };
  }
  const tokens: Record<string, string> = {};
  if (inboundToken !== undefined) tokens.inboundToken = 'replaced';
  if (patch.outboundToken !== undefined && patch.outboundToken !== before.outboundToken) tokens.outboundToken = patch.outboundToken === null ? 'removed' : 'replaced';
  if (Object.keys(changes).length === 0 && Object.keys(tokens).length === 0) return { peer: before };

  const peer = (await tx.hub.updatePeer(peerId, patch))!;
  await tx.audit.record({
    type: 'hub.peer_updated', actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: null, subjectType: 'hub_peer', subjectId: peer.id,
    data: { name: peer.name, changes, tokens, by: actor ? 'user' : 'cli' },
  });
  return inboundToken !== undefined ? { peer, inboundToken } : { peer };
}
