import { describe, expect, it } from 'vitest';
import { afterFailure, DEFAULT_RETRY_POLICY, isTemporaryHttpStatus, retryDelayMs } from './retry-policy.ts';

describe('retry policy (exchange.md §4.4, C61)', () => {
  it('waits 30 s, 2 min, 8 min, 32 min, then hourly at the nominal point', () => {
    const minutes = [1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n, 0.5) / 60_000);
    expect(minutes).toEqual([0.5, 2, 8, 32, 60, 60]);
  });

  it('spreads each delay by at most ±20 %', () => {
    expect(retryDelayMs(2, 0)).toBe(96_000);
    expect(retryDelayMs(2, 0.999999)).toBeCloseTo(144_000, -1);
    for (let i = 0; i < 100; i++) {
      const d = retryDelayMs(3, Math.random());
      expect(d).toBeGreaterThanOrEqual(8 * 60_000 * 0.8);
      expect(d).toBeLessThanOrEqual(8 * 60_000 * 1.2);
    }
  });

  it('never retries a permanent refusal', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(afterFailure({ failedAttempts: 1, temporary: false, now, expiresAt: new Date('2026-01-04T00:00:00Z') }, 0.5)).toEqual({ kind: 'dead', reason: 'permanent' });
  });

  it('gives up after the attempt limit and after the time to live', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const later = new Date('2026-01-04T00:00:00Z');
    expect(afterFailure({ failedAttempts: DEFAULT_RETRY_POLICY.maxAttempts, temporary: true, now, expiresAt: later }, 0.5).kind).toBe('dead');
    expect(afterFailure({ failedAttempts: 1, temporary: true, now: later, expiresAt: later }, 0.5)).toEqual({ kind: 'dead', reason: 'expired' });
    expect(afterFailure({ failedAttempts: 1, temporary: true, now, expiresAt: later }, 0.5)).toEqual({ kind: 'retry', at: new Date(now.getTime() + 30_000) });
  });

  it('treats no answer, 429 and 5xx as temporary, other 4xx as permanent', () => {
    expect([undefined, 429, 500, 503].map(isTemporaryHttpStatus)).toEqual([true, true, true, true]);
    expect([400, 401, 404, 413].map(isTemporaryHttpStatus)).toEqual([false, false, false, false]);
  });
});
