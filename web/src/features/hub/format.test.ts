import { describe, expect, it } from 'vitest';
import { formatAge, formatError, formatTime, label, STATE_LABEL } from './format.ts';

describe('hub screen formats', () => {
  it('ages read as Vietnamese durations', () => {
    expect(formatAge(null)).toBe('');
    expect(formatAge(45)).toBe('45 giây');
    expect(formatAge(180)).toBe('3 phút');
    expect(formatAge(2 * 3600 + 5 * 60)).toBe('2 giờ 5 phút');
    expect(formatAge(3 * 86400 + 4 * 3600)).toBe('3 ngày 4 giờ');
  });

  it('times are shown in Vietnam time', () => {
    expect(formatTime('2026-12-01T17:30:00.000Z')).toContain('00:30');
  });

  it('an error names its code and whose it is; unknown states show as they are', () => {
    expect(formatError('EXCHANGE_SIGNATURE_INVALID', 'peer', 'Chữ ký sai')).toBe('EXCHANGE_SIGNATURE_INVALID (trục tiếp theo): Chữ ký sai');
    expect(formatError(null, null, null)).toBe('');
    expect(label(STATE_LABEL, 'dead')).toBe('Dừng chuyển');
    expect(label(STATE_LABEL, 'parked')).toBe('parked');
  });
});
