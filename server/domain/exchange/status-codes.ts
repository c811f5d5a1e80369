/**
 * Business status codes (exchange.md §3.2): the complete set. 07–12 and 14 exist nowhere.
 */

export const STATUS_CODES = ['01', '02', '03', '04', '05', '06', '13', '15', '16'] as const;
export type StatusCode = (typeof STATUS_CODES)[number];

export const STATUS_NAMES: Readonly<Record<StatusCode, string>> = {
  '01': 'Đã đến',
  '02': 'Từ chối tiếp nhận',
  '03': 'Đã tiếp nhận',
  '04': 'Phân công xử lý',
  '05': 'Đang xử lý',
  '06': 'Hoàn thành',
  '13': 'Lấy lại',
  '15': 'Đồng ý cập nhật, lấy lại',
  '16': 'Từ chối cập nhật, lấy lại',
};

/** Who sends each status: the receiving organ, except `13` (the issuer). */
export const STATUS_SENDER: Readonly<Record<StatusCode, 'receiver' | 'issuer'>> = {
  '01': 'receiver',
  '02': 'receiver',
  '03': 'receiver',
  '04': 'receiver',
  '05': 'receiver',
  '06': 'receiver',
  '13': 'issuer',
  '15': 'receiver',
  '16': 'receiver',
};

/** Statuses whose `Description` must give the reason (C51). */
export const STATUS_NEEDS_REASON: ReadonlySet<StatusCode> = new Set<StatusCode>(['02', '16']);

export function isStatusCode(value: string): value is StatusCode {
  return (STATUS_CODES as readonly string[]).includes(value);
}

/**
 * Reads a wire status code: trimmed, a single digit zero-padded (`3` → `03`, §2.11).
 * Returns `null` for anything outside the set (`07`, `14`, `x`).
 */
export function normalizeStatusCode(raw: string): StatusCode | null {
  const trimmed = raw.trim();
  const padded = /^\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
  return isStatusCode(padded) ? padded : null;
}

/** Handling rank for tolerant reading (§3.3): 01=1, 03=2, 04=3, 05=4, 06=5. */
export const HANDLING_RANK: Readonly<Partial<Record<StatusCode, number>>> = {
  '01': 1,
  '03': 2,
  '04': 3,
  '05': 4,
  '06': 5,
};
