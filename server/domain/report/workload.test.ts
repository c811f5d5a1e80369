import { describe, expect, it } from 'vitest';
import { countBy, openWork } from './workload.ts';
import { at, D, FIXTURE_CALENDAR, FIXTURE_FACTS } from './testing/fixture.ts';

describe('leaders’ workload from the facts', () => {
  it('open, due soon and overdue at an instant, with the effective deadline', () => {
    // At 22 June 2026 10:00 in UBND huyện: i5 (24/2) overdue; i10 (26/6, 4 working days ahead: 23, 24, 25 are
    // the 3 next) open; i11 (3/7) open; i12 (no deadline) open. i2, i4, i13 finished; i1 cancelled; i15 no deadline.
    const items = openWork(FIXTURE_FACTS.filter((f) => f.agencyId === D), at('2026-06-22 10:00'), FIXTURE_CALENDAR);
    const byKey = Object.fromEntries(items.map((i) => [i.documentKey, i.state]));
    expect(byKey).toEqual({ 'd-i5': 'overdue', 'd-i10': 'open', 'd-i11': 'open', 'd-i12': 'open', 'd-i15': 'open' });
    // On 24 June, 26 June is within 3 working days (25, 26, 29): due soon.
    const later = openWork(FIXTURE_FACTS.filter((f) => f.agencyId === D), at('2026-06-24 10:00'), FIXTURE_CALENDAR);
    expect(later.find((i) => i.documentKey === 'd-i10')!.state).toBe('due_soon');
    expect(countBy(later, (i) => i.unitId).get('unit-1')).toEqual({ open: 1, dueSoon: 1, overdue: 1 });
    expect(countBy(later, (i) => i.unitId).get(null)).toEqual({ open: 2, dueSoon: 0, overdue: 0 });
  });
});
