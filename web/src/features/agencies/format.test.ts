import { describe, expect, it } from 'vitest';
import { fold, formatDate, period } from './format.ts';

describe('directory formatting', () => {
  it('shows dates the Vietnamese way', () => {
    expect(formatDate('2019-01-01')).toBe('01/01/2019');
    expect(formatDate('2023-03-15T00:00:00.000Z')).toBe('15/03/2023');
    expect(formatDate(null)).toBe('');
  });

  it('describes an open and a closed period', () => {
    expect(period('2019-01-01', null)).toBe('Từ 01/01/2019');
    expect(period('2019-01-01', '2023-03-15')).toBe('01/01/2019 – 15/03/2023');
  });

  it('matches names typed without diacritics', () => {
    expect(fold('Sở Nội vụ')).toBe(fold('so noi vu'));
    expect(fold('Đông Hải')).toBe('dong hai');
  });
});
