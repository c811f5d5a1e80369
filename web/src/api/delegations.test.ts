import { describe, expect, it } from 'vitest';
import { vietnamInstant } from './delegations.ts';

describe('delegation times', () => {
  it('reads a datetime-local value as Vietnam time', () => {
    expect(new Date(vietnamInstant('2026-03-10T08:00')).toISOString()).toBe('2026-03-10T01:00:00.000Z');
    expect(new Date(vietnamInstant('2026-03-10T00:30:15')).toISOString()).toBe('2026-03-09T17:30:15.000Z');
  });
});
