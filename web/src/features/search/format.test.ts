import { describe, expect, it } from 'vitest';
import { numberLine, vietnameseDate } from './format.ts';

describe('search result lines', () => {
  it('writes number/notation and the date as Vietnamese readers expect', () => {
    expect(numberLine({ codeNumber: '15', codeNotation: 'QĐ-UBND', issuedDate: '2024-03-01' })).toBe('Số 15/QĐ-UBND · 01/03/2024');
    expect(numberLine({ codeNumber: null, codeNotation: null, issuedDate: null })).toBe('');
    expect(vietnameseDate('2024-12-05')).toBe('05/12/2024');
  });
});
