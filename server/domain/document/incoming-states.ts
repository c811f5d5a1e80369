import { defineStateMachine, type TransitionTable } from './state-machine.ts';

/** Incoming document (văn bản đến) states, domain.md §8.1. */
export type IncomingState =
  | 'arrived'
  | 'refused'
  | 'registered'
  | 'awaiting_direction'
  | 'assigned'
  | 'in_progress'
  | 'finished'
  | 'filed_for_information'
  | 'cancelled'
  | 'replaced';

// A recall or replacement accepted (`15`) can end a document at any point until it is gone.
const ENDABLE: readonly IncomingState[] = ['cancelled', 'replaced'];

const TABLE: TransitionTable<IncomingState> = {
  arrived: ['refused', 'registered', ...ENDABLE],
  refused: [],
  // Straight to a unit when the agency's forwarding rules say so (§8.2 step 4).
  registered: ['awaiting_direction', 'assigned', ...ENDABLE],
  awaiting_direction: ['assigned', 'filed_for_information', ...ENDABLE],
  // Reassignment, or a unit returning a wrong assignment, goes back to direction (§8.2).
  assigned: ['in_progress', 'finished', 'awaiting_direction', 'assigned', ...ENDABLE],
  in_progress: ['finished', 'awaiting_direction', ...ENDABLE],
  finished: [...ENDABLE],
  filed_for_information: [...ENDABLE],
  cancelled: [],
  replaced: [],
};

export const INCOMING_STATE_LABELS: Record<IncomingState, string> = {
  arrived: 'Đã đến',
  refused: 'Đã từ chối tiếp nhận',
  registered: 'Đã vào sổ',
  awaiting_direction: 'Chờ chỉ đạo',
  assigned: 'Đã phân công',
  in_progress: 'Đang xử lý',
  finished: 'Đã hoàn thành',
  filed_for_information: 'Lưu để biết',
  cancelled: 'Đã hủy (thu hồi)',
  replaced: 'Đã bị thay thế',
};

export const incomingStates = defineStateMachine<IncomingState>('incoming', TABLE, INCOMING_STATE_LABELS);

/** The status code (exchange.md §3) the sender is owed on entering a state, if any. */
export const INCOMING_STATUS_CODE: Readonly<Partial<Record<IncomingState, string>>> = {
  arrived: '01',
  refused: '02',
  registered: '03',
  assigned: '04',
  in_progress: '05',
  finished: '06',
  filed_for_information: '06',
  cancelled: '15',
  replaced: '15',
};
