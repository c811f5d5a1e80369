/**
 * Sends the sender the status an incoming document owes it (exchange.md §3), inside the caller's
 * transaction: the state change and the package in the hub's custody commit together. Paper
 * documents and documents without a readable sender or DocumentId get no status.
 */
import { checkEmission, type HandlingState } from '../../domain/exchange/transitions.ts';
import type { StatusCode } from '../../domain/exchange/status-codes.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { sendPackage, storePackagePayload } from '../hub/send-package.ts';
import type { IncomingRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { IncomingTxDeps } from './incoming-deps.ts';

export const STATUS_TEXT: Record<string, string> = {
  '01': 'Đã đến',
  '03': 'Đã tiếp nhận',
  '04': 'Phân công xử lý',
  '05': 'Đang xử lý',
  '06': 'Hoàn thành',
  '15': 'Đồng ý cập nhật, lấy lại',
  '16': 'Từ chối cập nhật, lấy lại',
};

const CHANGE_KIND = { revoke: 'revoke', update: 'update', replace: 'replace' } as const;

/** Whether the sender still sees "assigned" (04 may be sent again) rather than "in progress" (domain.md §8.2). */
export function mayResendAssigned(doc: IncomingRecord): boolean {
  return doc.exchangeState === '03' || doc.exchangeState === '04';
}

export async function sendIncomingStatus(
  tx: TxPorts,
  deps: Pick<IncomingTxDeps, 'clock' | 'files' | 'statuses'>,
  doc: IncomingRecord,
  code: StatusCode,
  description: string,
  staff: { department?: string; name?: string } = {},
): Promise<IncomingRecord> {
  if (doc.channel !== 'electronic' || !doc.senderCode || !doc.receiverCode || !doc.documentId) return doc;
  // An open change request (exchange.md §3.3) allows only its answer, 15 or 16.
  const open = (await tx.changeRequests.listForDocument(doc.id)).find((r) => r.state === 'open' && r.incomingId === doc.id);
  const t = checkEmission({ handling: doc.exchangeState as HandlingState, openChange: open ? CHANGE_KIND[open.kind] : undefined }, code, description);
  if (!t.ok) throw new AppError(ErrorCode.EXCHANGE_STATUS_TRANSITION_INVALID, t.reason);
  const agency = await tx.agencies.findById(doc.agencyId);
  const at = deps.clock.now();
  const built = await deps.statuses.build({
    fromCode: doc.receiverCode, fromName: agency?.name ?? doc.receiverCode, toCode: doc.senderCode,
    code: `${doc.codeNumber}/${doc.codeNotation}`, promulgationDate: doc.promulgationDate, documentId: doc.documentId,
    statusCode: code, description, staff, at,
  });
  const payload = await storePackagePayload(deps.files, built.bytes);
  await sendPackage(tx, { clock: deps.clock }, {
    packageId: built.packageId, kind: 'status', senderAgencyId: doc.agencyId, senderCode: doc.receiverCode, receiverCodes: [doc.senderCode],
    businessType: null, documentId: doc.documentId, payload,
  });
  const answer = code === '15' || code === '16';
  // An answer to a change request leaves the handling state as remembered (the document's own state says cancelled or replaced).
  if (!answer) await tx.incoming.update(doc.id, { exchangeState: code });
  await tx.incoming.insertEvent({
    incomingId: doc.id, agencyId: doc.agencyId, assignmentId: null, kind: 'status_sent', actorUserId: null, onBehalfOf: null,
    text: description, data: { statusCode: code, packageId: built.packageId }, occurredAt: at,
  });
  return answer ? doc : { ...doc, exchangeState: code };
}
