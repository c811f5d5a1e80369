/**
 * Receipt of a package pushed by a peer hub (exchange.md §5.1), checks in order: peer authentication
 * → size → XML safety, format and fields, package id (the reader) → deduplication → signature and
 * sender check → secrecy → attachments → routing per receiver. The first failure decides; a refusal
 * before custody stores no content, only its trace event, and is answered with its code and origin.
 * The acknowledgement is returned only after the custody transaction has committed (§4.1).
 */
import { createHash } from 'node:crypto';
import { ExchangeErrorCode as E, ExchangeRefusal, isExchangeRefusal } from '../../domain/exchange/refusal.ts';
import type { AgencyCodeRecord } from '../ports/agencies.ts';
import type { DeliveryRecord, PackageKind, PeerRecord } from '../ports/hub.ts';
import type { Acknowledgement, ReadPackage, ReceivedBytes } from '../ports/hub-wire.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { takeCustody } from './custody.ts';
import type { HubDeps } from './hub-deps.ts';
import { authenticatePeer } from './peer-auth.ts';
import { peerMaySendFor, vietnamDay } from './routing.ts';
import { storePackagePayload } from './send-package.ts';

export interface ReceivePackageInput {
  token: string | undefined;
  /** A large package arrives spooled to a temporary file (the transport removes it after the answer). */
  bytes: ReceivedBytes;
  /** Package id given by the transport (header `x-package-id`); statuses carry theirs only there. */
  transportId?: string;
  /** What the endpoint expects: document packages and status packages arrive on separate paths. */
  expectKind?: PackageKind;
}

function sha256(bytes: ReceivedBytes): string {
  return Buffer.isBuffer(bytes) ? createHash('sha256').update(bytes).digest('hex') : bytes.sha256;
}

function sizeOf(bytes: ReceivedBytes): number {
  return Buffer.isBuffer(bytes) ? bytes.length : bytes.size;
}

async function refused(deps: HubDeps, peer: PeerRecord, base: { packageId: string; sha256: string; documentId?: string | null }, r: ExchangeRefusal, receivedAt: Date): Promise<Acknowledgement> {
  await deps.uow.run((tx) =>
    tx.hubTrace.record({
      kind: 'refused', packageId: base.packageId, documentId: base.documentId ?? null, fromNode: peer.name, toNode: deps.settings.nodeName,
      packageSha256: base.sha256, errorCode: r.code, errorOrigin: r.origin, data: { message: r.message, ...(r.field ? { field: r.field } : {}) },
    }),
  );
  return {
    packageId: base.packageId, result: 'refused', receivedAt: receivedAt.toISOString(), sha256: base.sha256,
    code: r.code, origin: r.origin, temporary: r.temporary, message: r.message,
  };
}

async function duplicateOrConflict(tx: TxPorts, deps: HubDeps, peer: PeerRecord, info: ReadPackage, at: Date): Promise<Acknowledgement | ExchangeRefusal | undefined> {
  const known = await tx.hub.findPackage(info.packageId);
  if (!known) {
    // §4.2: the same status (From, DocumentId, StatusCode, Timestamp) under another package id.
    const same = info.statusKey ? await tx.hub.findPackageByStatusKey(info.statusKey) : undefined;
    if (!same) return undefined;
    await tx.hubTrace.record({ kind: 'duplicate', packageId: info.packageId, documentId: info.documentId, fromNode: peer.name, toNode: deps.settings.nodeName, packageSha256: info.sha256, data: { sameStatusAs: same.packageId } });
    return { packageId: info.packageId, result: 'duplicate', receivedAt: at.toISOString(), sha256: info.sha256 };
  }
  if (known.payloadSha256 !== info.sha256) {
    return new ExchangeRefusal(E.EXCHANGE_PACKAGE_ID_CONFLICT, `Mã gói tin ${info.packageId} đã nhận với nội dung khác; gói tin trước không thay đổi`);
  }
  await tx.hubTrace.record({ kind: 'duplicate', packageId: info.packageId, documentId: info.documentId, fromNode: peer.name, toNode: deps.settings.nodeName, packageSha256: info.sha256 });
  // The per-receiver answer of the first receipt again: a sender that lost it (or sends once per
  // receiver) still learns which of its receivers this hub refused at custody.
  const receivers = receiversOf(await tx.hub.listDeliveriesOfPackage(info.packageId));
  return { packageId: info.packageId, result: 'duplicate', receivedAt: at.toISOString(), sha256: info.sha256, ...(receivers.length > 0 ? { receivers } : {}) };
}

/**
 * C73: a code of our directory closed on a date cannot send a package made on or after that date
 * (made = the sender's own timestamp, else the receipt). A package made earlier and delivered late is
 * still taken. Codes unknown here (other provinces') are the peer's to vouch for. `uses` are the
 * code's rows, read in the deduplication transaction (one round trip less per package).
 */
function assertSenderOpen(uses: AgencyCodeRecord[], info: ReadPackage, receivedAt: Date): void {
  if (uses.length === 0) return;
  const made = info.createdAt && info.createdAt.getTime() <= receivedAt.getTime() ? info.createdAt : receivedAt;
  const day = vietnamDay(made);
  if (uses.some((u) => u.validFrom <= day && (u.validTo === null || u.validTo > day))) return;
  const last = [...uses].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0]!;
  throw new ExchangeRefusal(
    E.EXCHANGE_SENDER_MISMATCH,
    `Mã định danh gửi ${info.senderCode} không còn hiệu lực vào ngày ${day}${last.validTo ? ` (đóng từ ${last.validTo})` : ''}${last.successorCode ? `; mã kế thừa: ${last.successorCode}` : ''}`,
    { details: { closedSender: info.senderCode, successor: last.successorCode } },
  );
}

/** Per receiver: refused when its delivery was made dead at custody (unroutable), else accepted. */
function receiversOf(deliveries: DeliveryRecord[]): NonNullable<Acknowledgement['receivers']> {
  return deliveries.map((d) =>
    d.state === 'dead' && d.firstAttemptAt === null && d.lastErrorCode !== 'EXCHANGE_EXPIRED'
      ? { code: d.receiverCode, result: 'refused' as const, errorCode: d.lastErrorCode ?? undefined, origin: d.lastErrorOrigin ?? undefined, message: d.lastErrorMessage ?? undefined }
      : { code: d.receiverCode, result: 'accepted' as const },
  );
}

/** The acknowledgement, signed by this hub (C60) when it has a key. */
export async function receivePackage(deps: HubDeps, input: ReceivePackageInput): Promise<Acknowledgement> {
  return deps.receipts.sign(await receive(deps, input));
}

type Admission =
  | { peer: PeerRecord; refusal: ExchangeRefusal; base: { packageId: string; sha256: string; documentId?: string | null } }
  | { peer: PeerRecord; info: ReadPackage; handle: unknown; seen: Acknowledgement | ExchangeRefusal | undefined; senderUses: AgencyCodeRecord[] };

/**
 * The first checks in one transaction: the peer's token, size and the package read (synchronous, no
 * query), the duplicate check, and the sender's code rows for the C73 check that comes after the
 * signature's. The order of the checks, so which refusal wins, is unchanged; a refusal is recorded
 * after this transaction (by `refused`), an unauthenticated push throws and stores nothing.
 */
function admit(deps: HubDeps, input: ReceivePackageInput, receivedAt: Date): Promise<Admission> {
  return deps.uow.run(async (tx): Promise<Admission> => {
    const peer = await authenticatePeer(tx, input.token);
    const maxBytes = Math.min(deps.settings.maxPackageBytes, peer.maxPackageBytes ?? Number.MAX_SAFE_INTEGER);
    let read: { info: ReadPackage; handle: unknown };
    try {
      if (sizeOf(input.bytes) > maxBytes) throw new ExchangeRefusal(E.EXCHANGE_PACKAGE_TOO_LARGE, `Gói tin ${sizeOf(input.bytes)} byte vượt giới hạn ${maxBytes} byte`);
      read = deps.reader.read(input.bytes, { maxBytes, ...(input.transportId ? { transportId: input.transportId } : {}) });
      if (input.expectKind && read.info.kind !== input.expectKind) {
        throw new ExchangeRefusal(E.EXCHANGE_UNSUPPORTED_FORMAT, input.expectKind === 'status' ? 'Đường nhận trạng thái chỉ nhận gói tin trạng thái' : 'Đường nhận văn bản chỉ nhận gói tin văn bản');
      }
    } catch (e) {
      if (!isExchangeRefusal(e)) throw e;
      const digest = sha256(input.bytes);
      return { peer, refusal: e, base: { packageId: input.transportId?.trim() || `sha256:${digest}`, sha256: digest } };
    }
    const { info, handle } = read;
    const seen = await duplicateOrConflict(tx, deps, peer, info, receivedAt);
    return { peer, info, handle, seen, senderUses: seen ? [] : await tx.agencies.codeUses(info.senderCode) };
  });
}

async function receive(deps: HubDeps, input: ReceivePackageInput): Promise<Acknowledgement> {
  const receivedAt = deps.clock.now();
  const admitted = await admit(deps, input, receivedAt);
  const peer = admitted.peer;
  if ('refusal' in admitted) return refused(deps, peer, admitted.base, admitted.refusal, receivedAt);
  const { info, handle, seen, senderUses } = admitted;
  const base = { packageId: info.packageId, sha256: info.sha256, documentId: info.documentId };
  if (seen && isExchangeRefusal(seen)) return refused(deps, peer, base, seen, receivedAt);
  if (seen) return seen;
  let unsignedAdmitted = false;
  try {
    const sig = await deps.reader.verify(handle, { policy: peer.signaturePolicy, certificatePem: peer.certificatePem, at: receivedAt, certificateCheck: peer.certificateCheck });
    unsignedAdmitted = sig.unsignedAdmitted;
    if (!peerMaySendFor(peer, info.senderCode)) {
      throw new ExchangeRefusal(E.EXCHANGE_SENDER_MISMATCH, `Trục ${peer.name} không được đăng ký gửi thay cơ quan ${info.senderCode}`);
    }
    assertSenderOpen(senderUses, info, receivedAt);
    if (info.secretMarked) throw new ExchangeRefusal(E.EXCHANGE_SECRET_DOCUMENT, 'Gói tin mang độ mật: văn bản mật không được trao đổi qua trục liên thông');
    await deps.reader.checkAttachments(handle);
  } catch (e) {
    if (!isExchangeRefusal(e)) throw e;
    return refused(deps, peer, base, e, receivedAt);
  }
  const payload = await storePackagePayload(deps.files, input.bytes);
  const custody = await deps.uow.run(async (tx) => {
    const taken = await takeCustody(
      tx,
      { clock: deps.clock, retry: deps.retry, nodeName: deps.settings.nodeName },
      {
        packageId: info.packageId, kind: info.kind, origin: 'peer', fromPeerId: peer.id, senderAgencyId: null, senderCode: info.senderCode,
        receiverCodes: info.receiverCodes, businessType: info.businessType, documentId: info.documentId, documentKey: info.documentKey,
        priority: info.priority, payloadSha256: payload.sha256, payloadSize: payload.size, unsignedAdmitted, ...(info.statusKey ? { statusKey: info.statusKey } : {}),
      },
      { fromNode: peer.name, data: unsignedAdmitted ? { unsignedAdmitted: true, signaturePolicy: peer.signaturePolicy } : {} },
    );
    if (taken) deps.faults?.beforeCustodyCommit?.();
    // A concurrent push of the same package won the race: answer as its duplicate.
    return taken ?? (await duplicateOrConflict(tx, deps, peer, info, receivedAt));
  });
  if (custody && isExchangeRefusal(custody)) return refused(deps, peer, base, custody, receivedAt);
  if (custody && 'result' in custody) return custody;
  const receivers = receiversOf(custody!.deliveries);
  const anyAccepted = receivers.some((r) => r.result === 'accepted');
  const first = receivers.find((r) => r.result === 'refused');
  return {
    packageId: info.packageId, result: anyAccepted ? 'accepted' : 'refused', receivedAt: receivedAt.toISOString(), sha256: info.sha256, receivers,
    ...(!anyAccepted && first ? { code: first.errorCode as E, origin: first.origin, temporary: false, message: first.message } : {}),
  };
}
