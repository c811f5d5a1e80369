/** Where a receiving code goes (exchange.md §4.6): an organ here, else the most specific peer, else refused. */
import { ExchangeErrorCode as E } from '../../domain/exchange/refusal.ts';
import type { DeliveryRoute, PeerRecord } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

export type Route =
  | { route: Exclude<DeliveryRoute, 'none'>; receiverAgencyId: string | null; peerId: string | null; peerName?: string }
  | { route: 'none'; code: E; message: string; successor?: string | null };

/** `2026-03-02` of the given instant in Vietnam time, the day codes are valid on. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

function openOn(p: { validFrom: string; validTo: string | null }, day: string): boolean {
  return p.validFrom <= day && (p.validTo === null || p.validTo > day);
}

/** Specificity of a peer's claim on a code: exact code 3, level-1 group (`H41` for `*.H41`) 2, default route `*` 1. */
function claim(peer: PeerRecord, code: string): number {
  let best = 0;
  for (const prefix of peer.codePrefixes) {
    if (prefix === code) best = Math.max(best, 3);
    else if (!prefix.includes('.') && prefix !== '*' && code.endsWith(`.${prefix}`)) best = Math.max(best, 2);
    else if (prefix === '*') best = Math.max(best, 1);
  }
  return best;
}

/**
 * The most specific active peer claiming the code; when only deactivated peers claim it, the most
 * specific of those, so that its deliveries wait in the queue (the claim skips inactive peers) until
 * the operator reactivates it, rather than dying as unroutable.
 */
export function peerFor(peers: readonly PeerRecord[], code: string): PeerRecord | undefined {
  return bestClaim(peers.filter((p) => p.active), code) ?? bestClaim(peers.filter((p) => !p.active), code);
}

function bestClaim(peers: readonly PeerRecord[], code: string): PeerRecord | undefined {
  let found: PeerRecord | undefined;
  let score = 0;
  for (const p of peers) {
    const s = claim(p, code);
    if (s > score) {
      found = p;
      score = s;
    }
  }
  return found;
}

/**
 * The peer hub that serves this code's whole level-1 group (`H12` for `*.H12`), if any. A directory
 * may list another province's agencies (so that they can be picked as recipients); such an agency is
 * not on this deployment, and its packages go to the hub registered for its province, not to a local
 * inbox nobody reads. Only a hub we push to (one with an endpoint) counts: exact-code claims, the
 * default route and peers without an endpoint do not, since systems that only hand packages in for
 * this deployment's own agencies register that way (an endpoint system claims their exact codes).
 * A deactivated hub does not count here (its province's agencies may have joined this deployment).
 */
export function groupPeerFor(peers: readonly PeerRecord[], code: string): PeerRecord | undefined {
  return peers.find((p) => p.active && p.endpointUrl !== null && p.codePrefixes.some((prefix) => !prefix.includes('.') && prefix !== '*' && code.endsWith(`.${prefix}`)));
}

/** True when the peer is registered to send for this code (the sender check, §4.6); the default route gives no right to send. */
export function peerMaySendFor(peer: PeerRecord, code: string): boolean {
  return claim(peer, code) >= 2;
}

export async function resolveReceiver(tx: TxPorts, code: string, at: Date): Promise<Route> {
  const day = vietnamDay(at);
  const uses = await tx.agencies.codeUses(code);
  const open = uses.find((u) => openOn(u, day));
  const peers = open ? await tx.hub.listPeers() : [];
  const elsewhere = open && groupPeerFor(peers, code) ? peerFor(peers, code) : undefined;
  if (elsewhere) return { route: 'peer', receiverAgencyId: null, peerId: elsewhere.id, peerName: elsewhere.name };
  if (open) {
    const agency = await tx.agencies.findById(open.agencyId);
    if (agency && !agency.active) return { route: 'none', code: E.EXCHANGE_RECEIVER_SUSPENDED, message: `Cơ quan nhận ${code} đang tạm ngừng nhận văn bản` };
    return { route: 'local', receiverAgencyId: open.agencyId, peerId: null };
  }
  if (uses.length > 0) {
    const last = [...uses].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0]!;
    const successor = last.successorCode;
    return {
      route: 'none',
      code: E.EXCHANGE_RECEIVER_CLOSED,
      message: `Mã định danh ${code} đã đóng${successor ? `; mã kế thừa: ${successor}` : ''}. Gói tin không được tự động chuyển sang mã khác.`,
      successor,
    };
  }
  const peer = peerFor(await tx.hub.listPeers(), code);
  if (peer) return { route: 'peer', receiverAgencyId: null, peerId: peer.id, peerName: peer.name };
  return { route: 'none', code: E.EXCHANGE_UNKNOWN_RECEIVER, message: `Không tìm thấy cơ quan nhận có mã định danh ${code}` };
}
