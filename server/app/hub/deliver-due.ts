/**
 * The delivery step (exchange.md §4.3–§4.5), run by the `hub.delivery.send` job or called directly
 * by tests with a fixed clock. Each due, unblocked delivery is claimed under a row lock (SKIP LOCKED,
 * so any number of workers deliver each one once):
 * - to an organ here: inbox row, `delivered` and the trace event commit in one transaction;
 * - to a peer: the attempt is committed as `sending`, the bytes are pushed outside any transaction,
 *   and the answer is recorded in a second one. A worker that dies in between leaves a `sending` row
 *   that is taken up again after the lease (the receiver deduplicates the second push).
 * Claims and answers are batched (`deliverDue`, option `batch`): one transaction claims several
 * deliveries, one records their answers; each row is still checked and settled on its own.
 */
import { afterFailure } from '../../domain/exchange/retry-policy.ts';
import type { DeliveryRecord, OutboxRecord, PackageKind, PeerRecord } from '../ports/hub.ts';
import type { Acknowledgement, PushOutcome } from '../ports/hub-wire.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { HubDeps } from './hub-deps.ts';

export interface DeliveryRun {
  delivered: number;
  failed: number;
  dead: number;
}

type Pushing = { kind: 'push'; delivery: DeliveryRecord; sha256: string; kindOf: PackageKind; peer: PeerRecord | undefined };
type Claimed = { kind: 'done'; outcome: 'delivered' | 'dead' } | Pushing;

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

async function markDead(tx: TxPorts, deps: HubDeps, d: DeliveryRecord, code: string, origin: 'hub' | 'peer', message: string, sha256: string): Promise<void> {
  await tx.hub.updateDelivery(d.id, { state: 'dead', lastErrorCode: code, lastErrorOrigin: origin, lastErrorMessage: message });
  await tx.hubTrace.record({ kind: 'dead', packageId: d.packageId, fromNode: deps.settings.nodeName, toNode: d.receiverCode, packageSha256: sha256, errorCode: code, errorOrigin: origin, data: { attempts: d.attempts, message } });
}

type PeerCache = Map<string, PeerRecord | undefined>;

/** One claimed delivery, settled in the claim transaction (local, expired) or to be pushed. */
async function settleClaimed(tx: TxPorts, deps: HubDeps, d: DeliveryRecord, pkg: OutboxRecord, now: Date, peers: PeerCache): Promise<Claimed> {
  if (now.getTime() >= d.expiresAt.getTime()) {
    await tx.hubTrace.record({ kind: 'expired', packageId: d.packageId, documentId: pkg.documentId, fromNode: deps.settings.nodeName, toNode: d.receiverCode, packageSha256: pkg.payloadSha256, errorCode: 'EXCHANGE_EXPIRED', errorOrigin: 'hub' });
    await markDead(tx, deps, d, 'EXCHANGE_EXPIRED', 'hub', 'Quá thời hạn chuyển gói tin', pkg.payloadSha256);
    return { kind: 'done', outcome: 'dead' };
  }
  const attempt = { attempts: d.attempts + 1, firstAttemptAt: d.firstAttemptAt ?? now, lastAttemptAt: now };
  if (d.route === 'local') {
    const fresh = await tx.hub.insertInbox({
      agencyId: d.receiverAgencyId!, packageId: d.packageId, deliveryId: d.id, kind: pkg.kind, senderCode: d.senderCode, receiverCode: d.receiverCode,
      businessType: pkg.businessType, documentId: pkg.documentId, payloadSha256: pkg.payloadSha256, receivedAt: now,
    });
    await tx.hub.updateDelivery(d.id, { ...attempt, state: 'delivered', deliveredAt: now, ackResult: fresh ? 'accepted' : 'duplicate', ackSha256: pkg.payloadSha256 });
    await tx.hubTrace.record({ kind: 'delivered', packageId: d.packageId, documentId: pkg.documentId, fromNode: deps.settings.nodeName, toNode: d.receiverCode, packageSha256: pkg.payloadSha256, data: { route: 'local', result: fresh ? 'accepted' : 'duplicate' } });
    return { kind: 'done', outcome: 'delivered' };
  }
  await tx.hub.updateDelivery(d.id, { ...attempt, state: 'sending' });
  await tx.hubTrace.record({ kind: 'attempt', packageId: d.packageId, documentId: pkg.documentId, fromNode: deps.settings.nodeName, toNode: d.receiverCode, packageSha256: pkg.payloadSha256, data: { attempt: attempt.attempts, peerId: d.peerId } });
  // The peer is read in the claim transaction, once per batch (the push needs its endpoint and keys).
  if (!peers.has(d.peerId!)) peers.set(d.peerId!, await tx.hub.findPeerById(d.peerId!));
  return { kind: 'push', delivery: { ...d, ...attempt, state: 'sending' }, sha256: pkg.payloadSha256, kindOf: pkg.kind, peer: peers.get(d.peerId!) };
}

/** Claims up to `max` due deliveries in one transaction (local ones are delivered in it). */
async function claimBatch(deps: HubDeps, max: number): Promise<Claimed[]> {
  return deps.uow.run(async (tx): Promise<Claimed[]> => {
    const now = deps.clock.now();
    const due = await tx.hub.claimDueDeliveries(now, new Date(now.getTime() - deps.settings.sendingLeaseMs), {
      failures: deps.settings.breakerFailures,
      pausedSince: new Date(now.getTime() - deps.settings.breakerPauseMs),
    }, max);
    const peers: PeerCache = new Map();
    const packages = new Map((await tx.hub.findPackages([...new Set(due.map((d) => d.packageId))])).map((p) => [p.packageId, p]));
    const out: Claimed[] = [];
    for (const d of due) out.push(await settleClaimed(tx, deps, d, packages.get(d.packageId)!, now, peers));
    return out;
  });
}

/**
 * C60: the receipt names our digest, and its signature verifies against the peer's registered
 * certificate. An unsigned receipt is kept (marked unsigned) only from a peer registered without a
 * certificate or with the `unsigned-allowed` policy; from the others it is a failed attempt (retried).
 */
function checkReceipt(deps: HubDeps, peer: PeerRecord, ack: Acknowledgement, sha256: string): { kind: 'digest' | 'signature' | 'unsigned'; message: string } | undefined {
  if (ack.sha256 !== sha256) return { kind: 'digest', message: `Biên nhận của trục ${peer.name} mang mã băm ${ack.sha256}, khác gói tin đã gửi (${sha256})` };
  if (!peer.certificatePem) return undefined;
  const check = deps.receipts.verify(ack, peer.certificatePem);
  if (check === 'invalid') return { kind: 'signature', message: `Chữ ký trên biên nhận của trục ${peer.name} không hợp lệ với chứng thư số đã đăng ký` };
  if (check === 'unsigned' && peer.signaturePolicy === 'required') return { kind: 'unsigned', message: `Biên nhận của trục ${peer.name} không được ký` };
  return undefined;
}

/** The peer's answer for one package, checked as the sender must (§4.1, §4.6) before it counts as delivered. */
function judge(deps: HubDeps, claimed: Pushing, peer: PeerRecord, outcome: PushOutcome): PushOutcome {
  const { delivery: d, sha256 } = claimed;
  // The receipt must name the exact bytes we sent (§4.1) and be signed by the peer; anything else proves nothing.
  if (outcome.ok) {
    const problem = checkReceipt(deps, peer, outcome.ack, sha256);
    if (problem) return { ok: false, code: 'EXCHANGE_PEER_REFUSED', origin: 'peer', temporary: true, message: problem.message, receiptProblem: problem.kind };
    outcome.receiptSigned = outcome.ack.signature !== undefined && peer.certificatePem !== null;
  }
  // The peer took the package for its other receivers but refused ours (§4.6: refusals are per receiver).
  const mine = outcome.ok ? outcome.ack.receivers?.find((r) => r.code === d.receiverCode) : undefined;
  if (mine && mine.result === 'refused') {
    return {
      ok: false, code: mine.errorCode ?? 'EXCHANGE_PEER_REFUSED', origin: 'peer', temporary: false,
      message: `Trục ${peer.name} không nhận cho ${d.receiverCode}${mine.message ? `: ${mine.message}` : ''}`,
    };
  }
  return outcome;
}

/** A package per HTTP request would dominate for small packages: up to the batch limits go in one request. */
function chunksOf(deps: HubDeps, items: { claimed: Pushing; bytes: Buffer }[]): { claimed: Pushing; bytes: Buffer }[][] {
  const { batchMaxPackages, batchMaxBytes } = deps.settings;
  const PART_OVERHEAD = 256; // a part's delimiter and headers, generously
  const out: { claimed: Pushing; bytes: Buffer }[][] = [];
  let current: { claimed: Pushing; bytes: Buffer }[] = [];
  let size = 64;
  for (const item of items) {
    const add = item.bytes.length + PART_OVERHEAD;
    if (current.length > 0 && (current.length >= batchMaxPackages || size + add > batchMaxBytes)) {
      out.push(current);
      current = [];
      size = 64;
    }
    current.push(item);
    size += add;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * One claimed batch's pushes, grouped by peer: each group's packages go in as few requests as the
 * batch limits allow (the claim never holds two deliveries of one document, so their order within a
 * request does not matter); each answer is checked on its own. Outcomes in the order of `claimed`.
 */
async function pushAll(deps: HubDeps, claimed: Pushing[]): Promise<PushOutcome[]> {
  const outcomes = new Map<Pushing, PushOutcome>();
  const byPeer = new Map<string, { peer: PeerRecord; group: Pushing[] }>();
  for (const c of claimed) {
    if (!c.peer) outcomes.set(c, { ok: false, code: 'EXCHANGE_UNKNOWN_RECEIVER', origin: 'hub', temporary: false, message: 'Trục kết nối đã bị gỡ' });
    else byPeer.set(c.peer.id, { peer: c.peer, group: [...(byPeer.get(c.peer.id)?.group ?? []), c] });
  }
  await Promise.all([...byPeer.values()].map(async ({ peer, group }) => {
    const items: { claimed: Pushing; bytes: Buffer }[] = [];
    for (const c of group) {
      try {
        items.push({ claimed: c, bytes: await readAll(await deps.files.get(c.sha256)) });
      } catch (error) {
        outcomes.set(c, { ok: false, code: 'EXCHANGE_PEER_REFUSED', origin: 'peer', temporary: true, message: `Không gửi được tới trục ${peer.name}: ${(error as Error).message}` });
      }
    }
    await Promise.all(chunksOf(deps, items).map(async (chunk) => {
      const failed = (error: unknown): PushOutcome => ({ ok: false, code: 'EXCHANGE_PEER_REFUSED', origin: 'peer', temporary: true, message: `Không gửi được tới trục ${peer.name}: ${(error as Error).message}` });
      let results: PushOutcome[];
      try {
        results = await deps.peers.pushMany(peer, chunk.map((i) => ({ packageId: i.claimed.delivery.packageId, kind: i.claimed.kindOf, bytes: i.bytes })));
      } catch (error) {
        results = chunk.map(() => failed(error));
      }
      chunk.forEach((i, n) => {
        try {
          outcomes.set(i.claimed, judge(deps, i.claimed, peer, results[n]!));
        } catch (error) {
          outcomes.set(i.claimed, failed(error));
        }
      });
    }));
  }));
  return claimed.map((c) => outcomes.get(c)!);
}

type Outcome = 'delivered' | 'failed' | 'dead';

async function recordOutcome(tx: TxPorts, deps: HubDeps, now: Date, d: DeliveryRecord | undefined, sent: DeliveryRecord, sha256: string, outcome: PushOutcome, healthy: Set<string>): Promise<Outcome> {
  // Another worker took the row up after our lease ran out and already settled it.
  if (!d || d.state !== 'sending' || d.attempts !== sent.attempts) return d?.state === 'delivered' ? 'delivered' : 'failed';
  const trace = { packageId: d.packageId, fromNode: deps.settings.nodeName, toNode: d.receiverCode, packageSha256: sha256 };
  if (outcome.ok) {
    await tx.hub.updateDelivery(d.id, { state: 'delivered', deliveredAt: now, ackResult: outcome.ack.result, ackSha256: outcome.ack.sha256, lastErrorCode: null, lastErrorOrigin: null, lastErrorMessage: null });
    // The whole acknowledgement, signature included, is the receipt (§4.1): proof of what the next node got.
    await tx.hubTrace.record({ ...trace, kind: 'receipt', data: { result: outcome.ack.result, receivedAt: outcome.ack.receivedAt, signed: outcome.receiptSigned === true, receipt: outcome.ack } });
    await tx.hubTrace.record({ ...trace, kind: 'delivered', data: { route: 'peer' } });
    // A second success in the same batch would write the same values again.
    if (d.peerId && !healthy.has(d.peerId)) await tx.hub.updatePeerHealth(d.peerId, { lastSuccessAt: now, consecutiveFailures: 0 });
    if (d.peerId) healthy.add(d.peerId);
    return 'delivered';
  }
  await tx.hubTrace.record({ ...trace, kind: 'attempt_failed', errorCode: outcome.code, errorOrigin: outcome.origin, data: { attempt: d.attempts, temporary: outcome.temporary, message: outcome.message, ...(outcome.httpStatus ? { httpStatus: outcome.httpStatus } : {}), ...(outcome.receiptProblem ? { receiptProblem: outcome.receiptProblem } : {}) } });
  if (d.peerId) {
    const peer = await tx.hub.findPeerById(d.peerId);
    await tx.hub.updatePeerHealth(d.peerId, { lastFailureAt: now, consecutiveFailures: (peer?.consecutiveFailures ?? 0) + 1 });
    healthy.delete(d.peerId);
  }
  const next = afterFailure({ failedAttempts: d.attempts, temporary: outcome.temporary, now, expiresAt: d.expiresAt }, deps.random(), deps.retry);
  if (next.kind === 'retry') {
    await tx.hub.updateDelivery(d.id, { state: 'failed', nextAttemptAt: next.at, lastErrorCode: outcome.code, lastErrorOrigin: outcome.origin, lastErrorMessage: outcome.message });
    return 'failed';
  }
  const code = next.reason === 'expired' ? 'EXCHANGE_EXPIRED' : outcome.code;
  const origin = next.reason === 'expired' ? 'hub' : outcome.origin === 'local' ? 'hub' : outcome.origin;
  await markDead(tx, deps, d, code, origin, outcome.message, sha256);
  return 'dead';
}

/** The answers of one batch's pushes, recorded in one transaction, in claim order. */
async function recordOutcomes(deps: HubDeps, pushed: { claimed: Pushing; outcome: PushOutcome }[]): Promise<Outcome[]> {
  if (pushed.length === 0) return [];
  return deps.uow.run(async (tx) => {
    const now = deps.clock.now();
    const healthy = new Set<string>();
    // The batch's rows, locked in one statement, then each settled on its own.
    const rows = new Map((await tx.hub.findDeliveries(pushed.map((p) => p.claimed.delivery.id), { lock: true })).map((d) => [d.id, d]));
    const out: Outcome[] = [];
    for (const p of pushed) out.push(await recordOutcome(tx, deps, now, rows.get(p.claimed.delivery.id), p.claimed.delivery, p.claimed.sha256, p.outcome, healthy));
    return out;
  });
}

/**
 * Delivers everything due now (at most `limit` deliveries); returns what happened. `lanes` (default
 * 1) is how many pushes are in flight; `batch` (default 1) how many deliveries one transaction
 * claims. ceil(lanes / batch) loops (or `loops`) run side by side, so one loop's transactions overlap another's
 * peer round trips. A loop claims its batch in one SKIP LOCKED transaction (local rows are delivered
 * in it), pushes the batch's peer rows outside any transaction, and records their answers in one
 * transaction. A later delivery of a document stays blocked while an earlier one is not delivered,
 * so it waits for a later claim: batches and loops keep exactly-once and per-document order.
 */
export async function deliverDue(deps: HubDeps, options: { limit?: number; lanes?: number; batch?: number; loops?: number } = {}): Promise<DeliveryRun> {
  const run: DeliveryRun = { delivered: 0, failed: 0, dead: 0 };
  const limit = options.limit ?? 100;
  const lanes = Math.max(1, options.lanes ?? 1);
  // With `loops` given, a batch may exceed `lanes`: its peer pushes then share batch requests (`pushAll`).
  const batch = options.loops ? Math.max(1, options.batch ?? 1) : Math.min(lanes, Math.max(1, options.batch ?? 1));
  const loops = options.loops ?? Math.ceil(lanes / batch);
  let taken = 0;
  let drained = false;
  const loop = async (): Promise<void> => {
    while (!drained && taken < limit) {
      const want = Math.min(batch, limit - taken);
      taken += want;
      const claimed = await claimBatch(deps, want);
      taken -= want - claimed.length;
      if (claimed.length === 0) {
        drained = true;
        break;
      }
      const pushing: Pushing[] = [];
      for (const c of claimed) {
        if (c.kind === 'done') run[c.outcome]++;
        else pushing.push(c);
      }
      const outcomes = await pushAll(deps, pushing);
      for (const o of await recordOutcomes(deps, pushing.map((claimed, i) => ({ claimed, outcome: outcomes[i]! })))) run[o]++;
    }
  };
  await Promise.all(Array.from({ length: loops }, loop));
  return run;
}
