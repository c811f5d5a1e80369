import { describe, expect, it } from 'vitest';
import { allocationYear, formatNumber, isValidCodeNotation, isValidCodeNumber, numberLine, numberValue } from './numbering.ts';

describe('number formatting (§6.1)', () => {
  it('writes a leading zero below 10 only', () => {
    expect([1, 5, 9, 10, 15, 125].map(formatNumber)).toEqual(['01', '05', '09', '10', '15', '125']);
  });

  it('refuses zero, negatives and fractions', () => {
    for (const n of [0, -1, 1.5]) expect(() => formatNumber(n)).toThrow(RangeError);
  });

  it('validates CodeNumber with ^(0[1-9]|[1-9][0-9]+)$', () => {
    for (const ok of ['01', '09', '10', '125']) expect(isValidCodeNumber(ok)).toBe(true);
    for (const bad of ['1', '00', '010', '0', 'a1', ' 05']) expect(isValidCodeNumber(bad)).toBe(false);
  });

  it('compares numbers ignoring leading zeros', () => {
    expect(numberValue('05')).toBe(numberValue('5'));
    expect(numberValue('09') < numberValue('10')).toBe(true);
  });

  it('validates CodeNotation: groups joined by "-", optional yyyy/, no spaces, at most 30 characters', () => {
    for (const ok of ['QĐ-UBND', 'SXD-VP', 'UBND-VX', 'TTr-STC', 'SY', '2019/QĐ-UBND', 'QyĐ-SNV']) expect(isValidCodeNotation(ok)).toBe(true);
    for (const bad of ['QĐ - UBND', 'QĐ--UBND', '-UBND', 'QĐ/UBND', '19/QĐ-UBND', `A-${'B'.repeat(29)}`, '']) expect(isValidCodeNotation(bad)).toBe(false);
  });

  it('prints "Số: <number>/<notation>" with no spaces around "/"', () => {
    expect(numberLine('15', 'QĐ-UBND')).toBe('Số: 15/QĐ-UBND');
    expect(numberLine('03', 'SY')).toBe('Số: 03/SY');
  });
});

describe('the year of an allocation is the Vietnam-time year (§6.2.1)', () => {
  it('23:59:59 on 31 December local is still the old year although UTC is still the same day', () => {
    expect(allocationYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
  });

  it('midnight local on 1 January is the new year although UTC is still 31 December', () => {
    expect(allocationYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });

  it('the other direction: 1 January 00:30 UTC is already 07:30 local on 1 January', () => {
    expect(allocationYear(new Date('2027-01-01T00:30:00Z'))).toBe(2027);
    expect(allocationYear(new Date('2026-01-01T00:00:00+07:00'))).toBe(2026);
    expect(allocationYear(new Date('2025-12-31T23:59:59.999+07:00'))).toBe(2025);
  });
});
