import { describe, expect, it } from 'vitest';
import { dateLine, placeDateLine } from './date-line.ts';

describe('the Vietnamese date line (§5.5)', () => {
  it('pads days below 10 and months 1 and 2', () => {
    expect(dateLine('2020-01-05')).toBe('ngày 05 tháng 01 năm 2020');
    expect(dateLine('2020-02-29')).toBe('ngày 29 tháng 02 năm 2020');
  });

  it('does not pad months 3 to 12', () => {
    expect(dateLine('2020-03-15')).toBe('ngày 15 tháng 3 năm 2020');
    expect(dateLine('2026-12-09')).toBe('ngày 09 tháng 12 năm 2026');
  });

  it('prefixes the place', () => {
    expect(placeDateLine('Bạc Liêu', '2020-01-05')).toBe('Bạc Liêu, ngày 05 tháng 01 năm 2020');
  });

  it('refuses an impossible date', () => {
    expect(() => dateLine('2021-02-29')).toThrow(RangeError);
  });
});
