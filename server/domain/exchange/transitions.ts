/**
 * Allowed status transitions per (document, receiving organ), exchange.md §3.3: what an endpoint may
 * emit, and how a status read from another system is applied (tolerant, never backwards).
 */
import { HANDLING_RANK, STATUS_NEEDS_REASON, type StatusCode } from './status-codes.ts';
import type { BussinessDocType } from './code-lists.ts';

export type HandlingState = 'none' | '01' | '02' | '03' | '04' | '05' | '06';
/** What a change request asks: a `13` recall, or a type 1/2/3 package (revoke, update, replace). */
export type ChangeKind = 'recall' | 'revoke' | 'update' | 'replace';

export interface ExchangeState {
  readonly handling: HandlingState;
  /** Set once a `15` accepted a recall, revocation or replacement: nothing more happens. */
  readonly terminal?: 'cancelled' | 'replaced' | undefined;
  /** The open change request, if any; the handling state is remembered meanwhile. */
  readonly openChange?: ChangeKind | undefined;
}

export const INITIAL_STATE: ExchangeState = { handling: 'none' };

export type Emission = StatusCode | { readonly changePackage: Exclude<BussinessDocType, '0'> };

export type TransitionResult =
  | { readonly ok: true; readonly next: ExchangeState }
  | { readonly ok: false; readonly reason: string };

const HANDLING_NEXT: Readonly<Record<HandlingState, readonly StatusCode[]>> = {
  none: ['01', '02'],
  '01': ['02', '03'],
  '02': [],
  '03': ['04', '05', '06'],
  '04': ['04', '05', '06'],
  '05': ['05', '06'],
  '06': [],
};

const CHANGE_OPENERS: readonly HandlingState[] = ['01', '03', '04', '05', '06'];

const CHANGE_OF_TYPE: Readonly<Record<'1' | '2' | '3', ChangeKind>> = { '1': 'revoke', '2': 'update', '3': 'replace' };

function refuseTransition(state: ExchangeState, what: string): TransitionResult {
  const from = state.terminal ? `đã kết thúc (${state.terminal === 'cancelled' ? 'đã hủy' : 'đã bị thay thế'})` : state.handling === 'none' ? 'chưa có trạng thái' : `đang ở trạng thái ${state.handling}`;
  return { ok: false, reason: `Không được gửi ${what} khi văn bản ${from}${state.openChange ? ', có yêu cầu thay đổi đang chờ' : ''}` };
}

/** May this endpoint emit `emission` from `state` (§3.3)? Returns the state after it. */
export function checkEmission(state: ExchangeState, emission: Emission, description?: string): TransitionResult {
  if (typeof emission === 'object') {
    const what = `gói tin nghiệp vụ loại ${emission.changePackage}`;
    if (state.terminal || state.openChange || !CHANGE_OPENERS.includes(state.handling)) return refuseTransition(state, what);
    return { ok: true, next: { ...state, openChange: CHANGE_OF_TYPE[emission.changePackage] } };
  }
  const code = emission;
  if (STATUS_NEEDS_REASON.has(code) && !(description ?? '').trim()) {
    return { ok: false, reason: `Trạng thái ${code} phải nêu lý do trong Description` };
  }
  if (state.terminal) return refuseTransition(state, `trạng thái ${code}`);
  if (code === '15' || code === '16') {
    if (!state.openChange) return refuseTransition(state, `trạng thái ${code}`);
    if (code === '16' || state.openChange === 'update') return { ok: true, next: { handling: state.handling } };
    return { ok: true, next: { handling: state.handling, terminal: state.openChange === 'replace' ? 'replaced' : 'cancelled' } };
  }
  if (code === '13') {
    if (state.openChange || !CHANGE_OPENERS.includes(state.handling)) return refuseTransition(state, 'trạng thái 13');
    return { ok: true, next: { ...state, openChange: 'recall' } };
  }
  if (state.openChange) return refuseTransition(state, `trạng thái ${code}`);
  if (!HANDLING_NEXT[state.handling].includes(code)) return refuseTransition(state, `trạng thái ${code}`);
  return { ok: true, next: { handling: code as HandlingState } };
}

export type ReadOutcome =
  /** Applied: the shown state moves. */
  | { readonly outcome: 'applied'; readonly next: ExchangeState }
  /** A late arrival of lower rank: stored, shown state unchanged. */
  | { readonly outcome: 'late'; readonly next: ExchangeState }
  /** Not applicable here: stored, flagged, not applied. */
  | { readonly outcome: 'flagged'; readonly next: ExchangeState; readonly reason: string };

/**
 * Applies a status read from another system (§3.3 "Reading statuses from others"): equal or higher
 * rank applies (skipped ranks implied), lower rank is late, `02` only from none or `01`, `15`/`16`
 * only while our change request is open, anything else flagged.
 */
export function applyReceivedStatus(state: ExchangeState, code: StatusCode): ReadOutcome {
  const flagged = (reason: string): ReadOutcome => ({ outcome: 'flagged', next: state, reason });
  if (state.terminal) return flagged('Văn bản đã kết thúc xử lý tại cơ quan này');
  if (code === '15' || code === '16') {
    if (!state.openChange) return flagged(`Trạng thái ${code} không ứng với yêu cầu thay đổi nào đang mở`);
    const applied = checkEmission(state, code, 'đã nhận');
    return applied.ok ? { outcome: 'applied', next: applied.next } : flagged(applied.reason);
  }
  if (code === '13') {
    const applied = checkEmission(state, '13');
    return applied.ok ? { outcome: 'applied', next: applied.next } : flagged(applied.reason);
  }
  if (code === '02') {
    if (state.handling === 'none' || state.handling === '01') return { outcome: 'applied', next: { ...state, handling: '02' } };
    return flagged('Trạng thái 02 chỉ áp dụng khi văn bản chưa được tiếp nhận');
  }
  if (state.handling === '02') return flagged('Văn bản đã bị từ chối tiếp nhận');
  const rank = HANDLING_RANK[code] ?? 0;
  const current = state.handling === 'none' ? 0 : (HANDLING_RANK[state.handling] ?? 0);
  if (rank >= current) return { outcome: 'applied', next: { ...state, handling: code as HandlingState } };
  return { outcome: 'late', next: state };
}
