/** Business operations at the receiver (exchange.md §2.8), as rules the endpoint applies. */
import type { BussinessDocType } from './code-lists.ts';

export interface BusinessOperationRule {
  readonly type: BussinessDocType;
  readonly name: string;
  /** Types `0` and `3` need at least one attachment (§2.9). */
  readonly needsAttachment: boolean;
  /** Opens a change request on an existing document (never applied automatically). */
  readonly opensChangeRequest: boolean;
  /** Registers as a new incoming document. */
  readonly createsDocument: boolean;
}

export const BUSINESS_OPERATIONS: Readonly<Record<BussinessDocType, BusinessOperationRule>> = {
  '0': { type: '0', name: 'Văn bản mới', needsAttachment: true, opensChangeRequest: false, createsDocument: true },
  '1': { type: '1', name: 'Thu hồi', needsAttachment: false, opensChangeRequest: true, createsDocument: false },
  '2': { type: '2', name: 'Cập nhật', needsAttachment: false, opensChangeRequest: true, createsDocument: false },
  '3': { type: '3', name: 'Thay thế', needsAttachment: true, opensChangeRequest: true, createsDocument: true },
};

export function needsAttachment(type: BussinessDocType): boolean {
  return BUSINESS_OPERATIONS[type].needsAttachment;
}
