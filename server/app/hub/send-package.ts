/**
 * Hands a finished package to the hub inside the caller's transaction (exchange.md §4.3 step 1): the
 * issuing flow builds and signs the bytes, stores them with `storePackagePayload`, then calls this
 * in the transaction that marks the document sent, so a crash leaves either both or neither.
 */
import { Readable } from 'node:stream';
import { documentIdKey } from '../../domain/exchange/document-id.ts';
import type { RetryPolicy } from '../../domain/exchange/retry-policy.ts';
import { DEFAULT_RETRY_POLICY } from '../../domain/exchange/retry-policy.ts';
import { notFound } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { FileStore } from '../ports/file-store.ts';
import type { PackageKind } from '../ports/hub.ts';
import type { ReceivedBytes } from '../ports/hub-wire.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { takeCustody, type CustodyResult } from './custody.ts';
import { exchangeError } from './exchange-errors.ts';
import { DEFAULT_HUB_SETTINGS } from './hub-deps.ts';
import { vietnamDay } from './routing.ts';

export interface SendPackageInput {
  /** Lowercase UUID given when the package was built; retries and resends keep it. */
  packageId: string;
  kind: PackageKind;
  senderAgencyId: string;
  senderCode: string;
  receiverCodes: string[];
  /** `BussinessDocType` of a document package (`1` = revocation); null for a status. */
  businessType: string | null;
  documentId: string;
  /** The document the package is about; defaults to `documentId` (a revocation names its target). */
  orderingDocumentId?: string;
  priority?: number;
  /** The document carries a secrecy level (Mật, Tối mật, Tuyệt mật): never becomes a package (§5.3). */
  secret?: boolean;
  payload: { sha256: string; size: number };
}

/**
 * Stores the package bytes by SHA-256 (outside any transaction: content-addressed, so a retry stores
 * nothing new); a spooled package is streamed from its file.
 */
export async function storePackagePayload(files: FileStore, bytes: ReceivedBytes): Promise<{ sha256: string; size: number }> {
  const source = Buffer.isBuffer(bytes) ? Readable.from([bytes]) : bytes.open();
  const size = Buffer.isBuffer(bytes) ? bytes.length : bytes.size;
  const stored = await files.put(source, { maxBytes: Math.max(size, 1) });
  return { sha256: stored.sha256, size: stored.size };
}

export async function sendPackage(
  tx: TxPorts,
  deps: { clock: Clock; retry?: RetryPolicy; nodeName?: string },
  input: SendPackageInput,
): Promise<CustodyResult> {
  if (input.secret) {
    throw exchangeError('EXCHANGE_SECRET_DOCUMENT', 'Văn bản có độ mật không được gửi qua trục liên thông.', 'local');
  }
  if (input.receiverCodes.length === 0) throw exchangeError('EXCHANGE_INVALID_FIELD', 'Gói tin cần ít nhất một cơ quan nhận.', 'local');
  const agency = await tx.agencies.findById(input.senderAgencyId);
  if (!agency) throw notFound('Cơ quan gửi');
  const day = vietnamDay(deps.clock.now());
  const holds = (await tx.agencies.codeUses(input.senderCode)).some(
    (u) => u.agencyId === input.senderAgencyId && u.validFrom <= day && (u.validTo === null || u.validTo > day),
  );
  if (!holds) throw exchangeError('EXCHANGE_INVALID_FIELD', `Mã định danh ${input.senderCode} không phải mã đang dùng của cơ quan gửi.`, 'local');
  const existing = await tx.hub.findPackage(input.packageId);
  if (existing) {
    if (existing.payloadSha256 === input.payload.sha256) {
      return { outbox: existing, deliveries: await tx.hub.listDeliveriesOfPackage(existing.packageId) };
    }
    throw exchangeError('EXCHANGE_PACKAGE_ID_CONFLICT', `Mã gói tin ${input.packageId} đã dùng cho một gói tin khác.`, 'local');
  }
  const nodeName = deps.nodeName ?? DEFAULT_HUB_SETTINGS.nodeName;
  const result = await takeCustody(
    tx,
    { clock: deps.clock, retry: deps.retry ?? DEFAULT_RETRY_POLICY, nodeName },
    {
      packageId: input.packageId, kind: input.kind, origin: 'local', fromPeerId: null, senderAgencyId: input.senderAgencyId,
      senderCode: input.senderCode, receiverCodes: input.receiverCodes, businessType: input.businessType, documentId: input.documentId,
      documentKey: documentIdKey(input.orderingDocumentId ?? input.documentId), priority: input.priority ?? 0,
      payloadSha256: input.payload.sha256, payloadSize: input.payload.size, unsignedAdmitted: false,
    },
    { fromNode: input.senderCode },
  );
  if (!result) throw exchangeError('EXCHANGE_PACKAGE_ID_CONFLICT', `Mã gói tin ${input.packageId} vừa được dùng.`, 'local');
  return result;
}
