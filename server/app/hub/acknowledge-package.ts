/**
 * Peers that pull (exchange.md §4.8: the axis is pulled; some hubs pull from us) fetch their pending
 * packages, then acknowledge each one: the delivery ends as `delivered` (with the digest they
 * received), or as a dead letter when they refuse it for good.
 */
import { createHash } from 'node:crypto';
import { isTemporary, type ExchangeErrorCode } from '../../domain/exchange/refusal.ts';
import { afterFailure } from '../../domain/exchange/retry-policy.ts';
import { notFound } from '../errors.ts';
import { readAll } from '../files/read-all.ts';
import type { PackageKind } from '../ports/hub.ts';
import type { Acknowledgement } from '../ports/hub-wire.ts';
import type { HubDeps } from './hub-deps.ts';
import { authenticatePeer } from './peer-auth.ts';

export interface PendingPackage {
  packageId: string;
  kind: PackageKind;
  receiverCode: string;
  sha256: string;
  /** The exact package bytes, Base64. */
  package: string;
}

export async function findPendingPackages(deps: HubDeps, input: { token: string | undefined; limit: number }): Promise<PendingPackage[]> {
  const rows = await deps.uow.run(async (tx) => {
    const peer = await authenticatePeer(tx, input.token);
    const out = [];
    for (const d of await tx.hub.listPendingForPeer(peer.id, input.limit)) out.push({ d, pkg: (await tx.hub.findPackage(d.packageId))! });
    return out;
  });
  const result: PendingPackage[] = [];
  for (const { d, pkg } of rows) {
    const bytes = await readAll(await deps.files.get(pkg.payloadSha256), pkg.payloadSize);
    result.push({ packageId: d.packageId, kind: pkg.kind, receiverCode: d.receiverCode, sha256: pkg.payloadSha256, package: bytes.toString('base64') });
  }
  return result;
}

export interface PeerAcknowledgementInput {
  token: string | undefined;
  ack: Pick<Acknowledgement, 'packageId' | 'result' | 'sha256'> & { code?: string; message?: string; receiverCode?: string };
}

export async function acknowledgePackage(deps: HubDeps, input: PeerAcknowledgementInput): Promise<{ state: string }> {
  return deps.uow.run(async (tx) => {
    const peer = await authenticatePeer(tx, input.token);
    const now = deps.clock.now();
    const candidates = (await tx.hub.listDeliveriesOfPackage(input.ack.packageId)).filter(
      (d) => d.peerId === peer.id && (!input.ack.receiverCode || d.receiverCode === input.ack.receiverCode),
    );
    // Another peer's delivery answers exactly like a missing one.
    const d = candidates[0] && (await tx.hub.findDelivery(candidates[0].id, { lock: true }));
    if (!d) throw notFound('Gói tin');
    const pkg = (await tx.hub.findPackage(d.packageId))!;
    const trace = { packageId: d.packageId, documentId: pkg.documentId, fromNode: peer.name, toNode: d.receiverCode, packageSha256: pkg.payloadSha256 };
    if (d.state === 'delivered' || d.state === 'dead') return { state: d.state };
    const attempt = { attempts: d.attempts + 1, firstAttemptAt: d.firstAttemptAt ?? now, lastAttemptAt: now };
    if (input.ack.result !== 'refused' && input.ack.sha256 === pkg.payloadSha256) {
      await tx.hub.updateDelivery(d.id, { ...attempt, state: 'delivered', deliveredAt: now, ackResult: input.ack.result, ackSha256: input.ack.sha256 });
      await tx.hubTrace.record({ ...trace, kind: 'receipt', data: { result: input.ack.result, mode: 'pull' } });
      await tx.hubTrace.record({ ...trace, kind: 'delivered', data: { route: 'peer', mode: 'pull' } });
      await tx.hub.updatePeerHealth(peer.id, { lastSuccessAt: now, consecutiveFailures: 0 });
      return { state: 'delivered' };
    }
    const code = input.ack.result === 'refused' ? input.ack.code ?? 'EXCHANGE_PEER_REFUSED' : 'EXCHANGE_PEER_REFUSED';
    const message = input.ack.result === 'refused' ? input.ack.message ?? 'Trục nhận từ chối gói tin' : `Biên nhận mang mã băm ${input.ack.sha256}, khác gói tin đã gửi`;
    const temporary = input.ack.result !== 'refused' || isTemporary(code as ExchangeErrorCode);
    await tx.hubTrace.record({ ...trace, kind: 'attempt_failed', errorCode: code, errorOrigin: 'peer', data: { message, temporary, mode: 'pull' } });
    const next = afterFailure({ failedAttempts: attempt.attempts, temporary, now, expiresAt: d.expiresAt }, deps.random(), deps.retry);
    if (next.kind === 'retry') {
      await tx.hub.updateDelivery(d.id, { ...attempt, state: 'failed', nextAttemptAt: next.at, lastErrorCode: code, lastErrorOrigin: 'peer', lastErrorMessage: message });
      return { state: 'failed' };
    }
    await tx.hub.updateDelivery(d.id, { ...attempt, state: 'dead', lastErrorCode: code, lastErrorOrigin: 'peer', lastErrorMessage: message });
    await tx.hubTrace.record({ ...trace, kind: 'dead', errorCode: code, errorOrigin: 'peer', data: { message } });
    return { state: 'dead' };
  });
}

/** Digest helper for peers' tests and tools. */
export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
