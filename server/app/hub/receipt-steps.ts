/**
 * The steps of a peer push's receipt (exchange.md §5.1), shared by the one-package endpoint
 * (`receive-package.ts`) and the batch endpoint (`receive-batch.ts`), so both run the same checks in
 * the same order with the same refusal codes: admission (size → read → kind → deduplication, and the
 * sender code's rows) in a transaction the caller opens, the checks that need no database (signature,
 * sender, C73, secrecy, attachments), then custody in a transaction the caller opens.
 */
import { createHash } from 'node:crypto';
import { ExchangeErrorCode as E, ExchangeRefusal, isExchangeRefusal } from '../../domain/exchange/refusal.ts';
import type { AgencyCodeRecord } from '../ports/agencies.ts';
import type { DeliveryRecord, PackageKind, PeerRecord } from '../ports/hub.ts';
import type { Acknowledgement, ReadPackage, ReceivedBytes } from '../ports/hub-wire.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { takeCustody, type CustodyResult } from './custody.ts';
import type { HubDeps } from './hub-deps.ts';
import { peerMaySendFor, vietnamDay } from './routing.ts';

/** One pushed package as the transport gave it. */
export interface PushedPackage {
  /** A large package arrives spooled to a temporary file (the transport removes it after the answer). */
  bytes: ReceivedBytes;
  /** Package id given by the transport (header `x-package-id`); statuses carry theirs only there. */
  transportId?: string;
  /** What the endpoint (or the batch part) expects: document packages and status packages are told apart. */
  expectKind?: PackageKind;
}

export type RefusalBase = { packageId: string; sha256: string; documentId?: string | null };

export type Admission =
  | { refusal: ExchangeRefusal; base: RefusalBase }
  | { info: ReadPackage; handle: unknown; seen: Acknowledgement | ExchangeRefusal | undefined; senderUses: AgencyCodeRecord[] };

function sha256(bytes: ReceivedBytes): string {
  return Buffer.isBuffer(bytes) ? createHash('sha256').update(bytes).digest('hex') : bytes.sha256;
}

function sizeOf(bytes: ReceivedBytes): number {
  return Buffer.isBuffer(bytes) ? bytes.length : bytes.size;
}

/** The refusal's trace event (in the caller's transaction); the package's content is not stored. */
export async function traceRefusal(tx: TxPorts, deps: HubDeps, peer: PeerRecord, base: RefusalBase, r: ExchangeRefusal): Promise<void> {
  await tx.hubTrace.record({
    kind: 'refused', packageId: base.packageId, documentId: base.documentId ?? null, fromNode: peer.name, toNode: deps.settings.nodeName,
    packageSha256: base.sha256, errorCode: r.code, errorOrigin: r.origin, data: { message: r.message, ...(r.field ? { field: r.field } : {}) },
  });
}

export function refusalAck(base: RefusalBase, r: ExchangeRefusal, receivedAt: Date): Acknowledgement {
  return {
    packageId: base.packageId, result: 'refused', receivedAt: receivedAt.toISOString(), sha256: base.sha256,
    code: r.code, origin: r.origin, temporary: r.temporary, message: r.message,
  };
}

export async function duplicateOrConflict(tx: TxPorts, deps: HubDeps, peer: PeerRecord, info: ReadPackage, at: Date): Promise<Acknowledgement | ExchangeRefusal | undefined> {
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
 * code's rows, read in the admission transaction.
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
export function receiversOf(deliveries: DeliveryRecord[]): NonNullable<Acknowledgement['receivers']> {
  return deliveries.map((d) =>
    d.state === 'dead' && d.firstAttemptAt === null && d.lastErrorCode !== 'EXCHANGE_EXPIRED'
      ? { code: d.receiverCode, result: 'refused' as const, errorCode: d.lastErrorCode ?? undefined, origin: d.lastErrorOrigin ?? undefined, message: d.lastErrorMessage ?? undefined }
      : { code: d.receiverCode, result: 'accepted' as const },
  );
}

/**
 * Size, the package read (synchronous, no query), the kind, the duplicate check and the sender code's
 * rows, in the caller's transaction (after it authenticated the peer). A refusal is returned, to be
 * recorded after that transaction; anything else thrown is a fault.
 */
export async function admitPackage(tx: TxPorts, deps: HubDeps, peer: PeerRecord, input: PushedPackage, receivedAt: Date): Promise<Admission> {
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
    return { refusal: e, base: { packageId: input.transportId?.trim() || `sha256:${digest}`, sha256: digest } };
  }
  const { info, handle } = read;
  const seen = await duplicateOrConflict(tx, deps, peer, info, receivedAt);
  return { info, handle, seen, senderUses: seen ? [] : await tx.agencies.codeUses(info.senderCode) };
}

/** The checks after admission, outside any transaction: signature, sender, C73, secrecy, attachments. */
export async function checkPackage(deps: HubDeps, peer: PeerRecord, admitted: { info: ReadPackage; handle: unknown; senderUses: AgencyCodeRecord[] }, receivedAt: Date): Promise<{ unsignedAdmitted: boolean } | ExchangeRefusal> {
  const { info, handle, senderUses } = admitted;
  try {
    const sig = await deps.reader.verify(handle, { policy: peer.signaturePolicy, certificatePem: peer.certificatePem, at: receivedAt, certificateCheck: peer.certificateCheck });
    if (!peerMaySendFor(peer, info.senderCode)) {
      throw new ExchangeRefusal(E.EXCHANGE_SENDER_MISMATCH, `Trục ${peer.name} không được đăng ký gửi thay cơ quan ${info.senderCode}`);
    }
    assertSenderOpen(senderUses, info, receivedAt);
    if (info.secretMarked) throw new ExchangeRefusal(E.EXCHANGE_SECRET_DOCUMENT, 'Gói tin mang độ mật: văn bản mật không được trao đổi qua trục liên thông');
    await deps.reader.checkAttachments(handle);
    return { unsignedAdmitted: sig.unsignedAdmitted };
  } catch (e) {
    if (!isExchangeRefusal(e)) throw e;
    return e;
  }
}

/**
 * Custody of one checked package in the caller's transaction. A concurrent push of the same package
 * that won the race makes this one its duplicate (or a conflict, other bytes under the same id).
 */
export async function custodyOf(
  tx: TxPorts, deps: HubDeps, peer: PeerRecord, info: ReadPackage, payload: { sha256: string; size: number }, unsignedAdmitted: boolean, receivedAt: Date,
): Promise<CustodyResult | Acknowledgement | ExchangeRefusal | undefined> {
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
  return taken ?? (await duplicateOrConflict(tx, deps, peer, info, receivedAt));
}

/** The acknowledgement of a package this hub took custody of: accepted unless every receiver was refused. */
export function custodyAck(info: ReadPackage, custody: CustodyResult, receivedAt: Date): Acknowledgement {
  const receivers = receiversOf(custody.deliveries);
  const anyAccepted = receivers.some((r) => r.result === 'accepted');
  const first = receivers.find((r) => r.result === 'refused');
  return {
    packageId: info.packageId, result: anyAccepted ? 'accepted' : 'refused', receivedAt: receivedAt.toISOString(), sha256: info.sha256, receivers,
    ...(!anyAccepted && first ? { code: first.errorCode as E, origin: first.origin, temporary: false, message: first.message } : {}),
  };
}
