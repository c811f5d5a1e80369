import { defineStateMachine, type TransitionTable } from './state-machine.ts';

/** Outgoing document (văn bản đi) states, domain.md §7.1. */
export type OutgoingState =
  | 'drafting'
  | 'in_review'
  | 'awaiting_signature'
  | 'returned'
  | 'withdrawn'
  | 'signed'
  | 'issuing'
  | 'issued'
  | 'updated'
  | 'recalled'
  | 'replaced';

const TABLE: TransitionTable<OutgoingState> = {
  // An agency whose review chain has no step sends the draft straight to the signer.
  drafting: ['in_review', 'awaiting_signature', 'withdrawn'],
  in_review: ['awaiting_signature', 'returned'],
  awaiting_signature: ['signed', 'returned'],
  returned: ['drafting', 'withdrawn'],
  withdrawn: [],
  // The clerk's form check may send a signed document back to its signer [LT, §7.2 step 6].
  signed: ['issuing', 'awaiting_signature'],
  // An issuing run abandoned before completion leaves a clearly unissued document (§7.3).
  issuing: ['issued', 'signed'],
  issued: ['updated', 'recalled', 'replaced'],
  updated: ['updated', 'recalled', 'replaced'],
  // Recalled documents are frozen; replaced ones live on in their replacement.
  recalled: [],
  replaced: [],
};

export const OUTGOING_STATE_LABELS: Record<OutgoingState, string> = {
  drafting: 'Đang soạn thảo',
  in_review: 'Đang xem xét',
  awaiting_signature: 'Chờ ký',
  returned: 'Bị trả lại',
  withdrawn: 'Đã hủy dự thảo',
  signed: 'Đã ký',
  issuing: 'Đang phát hành',
  issued: 'Đã phát hành',
  updated: 'Đã cập nhật',
  recalled: 'Đã thu hồi',
  replaced: 'Đã bị thay thế',
};

export const outgoingStates = defineStateMachine<OutgoingState>('outgoing', TABLE, OUTGOING_STATE_LABELS);

/** States after issue: the issued PDF is immutable from here on. */
export function isIssued(state: OutgoingState): boolean {
  return state === 'issued' || state === 'updated' || state === 'recalled' || state === 'replaced';
}
