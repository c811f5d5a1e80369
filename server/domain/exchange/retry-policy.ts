/**
 * Retry schedule of a delivery (exchange.md §4.4): after the n-th failed attempt wait
 * min(30 s × 4^(n−1), 60 min) with ±20 % jitter — 30 s, 2 min, 8 min, 32 min, then hourly — until
 * the per-package attempt limit or the time to live is reached; then the delivery is dead.
 */

export interface RetryPolicy {
  readonly baseDelayMs: number;
  readonly factor: number;
  readonly maxDelayMs: number;
  /** ±fraction of the delay, so many deliveries that failed together do not retry together. */
  readonly jitter: number;
  /** Attempts per package and receiver before the delivery is dead (a resend starts a new series). */
  readonly maxAttempts: number;
  /** Time to live from custody; afterwards the delivery is dead with EXCHANGE_EXPIRED. */
  readonly ttlMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  factor: 4,
  maxDelayMs: 60 * 60_000,
  jitter: 0.2,
  maxAttempts: 10,
  ttlMs: 72 * 60 * 60_000,
};

/**
 * Delay before the next attempt after `failedAttempts` failures (≥ 1). `random` is in [0, 1): 0.5
 * gives the nominal delay, 0 the lowest and values near 1 the highest.
 */
export function retryDelayMs(failedAttempts: number, random: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const n = Math.max(1, Math.floor(failedAttempts));
  const nominal = Math.min(policy.baseDelayMs * policy.factor ** (n - 1), policy.maxDelayMs);
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(nominal * (1 + policy.jitter * (2 * r - 1)));
}

export type RetryDecision =
  | { readonly kind: 'retry'; readonly at: Date }
  | { readonly kind: 'dead'; readonly reason: 'permanent' | 'attempts' | 'expired' };

/**
 * What follows a failed attempt: permanent refusals are never retried (endless retry loops are a
 * known AS4 failure); temporary ones wait, unless the limit or the time to live is reached first.
 */
export function afterFailure(
  input: { readonly failedAttempts: number; readonly temporary: boolean; readonly now: Date; readonly expiresAt: Date },
  random: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryDecision {
  if (!input.temporary) return { kind: 'dead', reason: 'permanent' };
  if (input.failedAttempts >= policy.maxAttempts) return { kind: 'dead', reason: 'attempts' };
  if (input.now.getTime() >= input.expiresAt.getTime()) return { kind: 'dead', reason: 'expired' };
  return { kind: 'retry', at: new Date(input.now.getTime() + retryDelayMs(input.failedAttempts, random, policy)) };
}

/** HTTP answers worth retrying: no answer at all (undefined), 408, 425, 429 and 5xx. */
export function isTemporaryHttpStatus(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 425 || status === 429 || status >= 500;
}
