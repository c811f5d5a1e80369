import { describe, expect, it } from 'vitest';
import { formatDay, formatSigningTime } from './format.ts';

describe('signing time format', () => {
  it('shows Vietnam time, day first', () => {
    expect(formatSigningTime('2026-03-02T02:00:00.000Z')).toBe('02/03/2026 09:00:00');
    expect(formatSigningTime('2026-12-31T18:30:05Z')).toBe('01/01/2027 01:30:05');
  });
  it('days from dates and instants', () => {
    expect(formatDay('2026-03-05')).toBe('05/03/2026');
    expect(formatDay('2026-03-04T20:00:00Z')).toBe('05/03/2026');
  });
});
