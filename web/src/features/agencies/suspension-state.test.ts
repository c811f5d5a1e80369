import { describe, expect, it } from 'vitest';
import { localToday, orderSuspensions, suspensionState } from './suspension-state.ts';

describe('receiving suspension state', () => {
  it('counts both ends as suspended, and no end as until further notice', () => {
    expect(suspensionState({ startsOn: '2026-12-02', endsOn: '2026-12-05' }, '2026-12-02')).toBe('current');
    expect(suspensionState({ startsOn: '2026-12-02', endsOn: '2026-12-05' }, '2026-12-05')).toBe('current');
    expect(suspensionState({ startsOn: '2026-12-02', endsOn: '2026-12-05' }, '2026-12-06')).toBe('ended');
    expect(suspensionState({ startsOn: '2026-12-03', endsOn: null }, '2026-12-02')).toBe('upcoming');
    expect(suspensionState({ startsOn: '2020-01-01', endsOn: null }, '2026-12-02')).toBe('current');
  });

  it('lists the current ones first, then the upcoming, then the ended, latest first', () => {
    const items = [
      { agencyName: 'A', startsOn: '2026-01-01', endsOn: '2026-02-01' },
      { agencyName: 'B', startsOn: '2026-12-20', endsOn: null },
      { agencyName: 'C', startsOn: '2026-11-01', endsOn: null },
      { agencyName: 'D', startsOn: '2026-06-01', endsOn: '2026-06-30' },
    ];
    expect(orderSuspensions(items, '2026-12-02').map((s) => s.agencyName)).toEqual(['C', 'B', 'D', 'A']);
  });

  it('gives the local date, not the UTC one', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
