/**
 * The packages this hub holds for one document and one receiver (`lienthong edxml export`): the
 * document itself first, then any revocation, update or status about it, each with its delivery.
 * Received and relayed packages count too: the hub keeps the exact bytes of all it took custody of.
 */
import { documentIdKey } from '../../domain/exchange/document-id.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { DeliveryRecord, OutboxRecord } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

export interface SentPackage {
  pkg: OutboxRecord;
  delivery: DeliveryRecord;
}

export async function findSentPackages(tx: TxPorts, input: { documentId: string; receiverCode: string }): Promise<SentPackage[]> {
  const documentId = input.documentId.trim();
  const receiverCode = input.receiverCode.trim();
  if (!documentId) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Cần mã văn bản (DocumentId).', { field: 'document' });
  if (!receiverCode) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Cần mã định danh nơi nhận.', { field: 'to' });
  const found = await tx.hub.listPackagesOfDocument(documentIdKey(documentId), receiverCode);
  if (found.length === 0) {
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `Trục chưa giữ gói tin nào của văn bản "${documentId}" gửi tới ${receiverCode}. ` +
        'Gói tin "sẽ gửi" của một văn bản chưa gửi cần chức năng văn bản đi, hiện chưa có.',
    );
  }
  // The document first (type 0/3, or no business block), then changes and statuses in custody order.
  const rank = (s: SentPackage) => (s.pkg.kind === 'document' && s.pkg.businessType !== '1' && s.pkg.businessType !== '2' ? 0 : 1);
  return [...found].sort((a, b) => rank(a) - rank(b));
}
