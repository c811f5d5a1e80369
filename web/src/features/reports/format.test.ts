import { describe, expect, it } from 'vitest';
import { compareNullable, pct, periodChoices } from './format.ts';

describe('dashboard formatting', () => {
  it('shows "–" for an empty denominator and a decimal comma', () => {
    expect(pct(null)).toBe('–');
    expect(pct(86.1)).toBe('86,1 %');
  });
  it('keeps "–" rows last in both sort directions', () => {
    expect([3, null, 1].sort((a, b) => compareNullable(a, b, 1))).toEqual([1, 3, null]);
    expect([3, null, 1].sort((a, b) => compareNullable(a, b, -1))).toEqual([3, 1, null]);
  });
  it('offers this year, its halves and last year', () => {
    expect(periodChoices('2026-12-02').map((p) => p.label)).toEqual(['Năm 2026 (đến nay)', '6 tháng đầu năm 2026', '6 tháng cuối năm 2026', 'Năm 2025']);
  });
});
