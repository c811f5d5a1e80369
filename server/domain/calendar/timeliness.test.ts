import { describe, expect, it } from 'vitest';
import { localInstant } from './vietnam-time.ts';
import { registeredOnTime, registrationDeadline, sendingDeadline, sentOnTime } from './timeliness.ts';
import { workingCalendar } from './working-calendar.ts';

const cal = workingCalendar({ holidays: ['2026-04-30', '2026-05-01'], makeUpDays: [] });

describe('incoming registered on time (§2): by the end of nextWorkingDay(arrival date)', () => {
  const arrived = localInstant('2026-04-29', '15:00');

  it('across the holiday and the weekend the limit is the end of Monday', () => {
    expect(registrationDeadline(cal, arrived, 'normal').toISOString()).toBe('2026-05-04T16:59:59.999Z');
    expect(registeredOnTime(cal, arrived, localInstant('2026-05-04', '23:59'), 'normal')).toBe(true);
    expect(registeredOnTime(cal, arrived, localInstant('2026-05-05', '00:00'), 'normal')).toBe(false);
  });

  it('an arrival at 23:30 local counts from its local date, not the UTC one', () => {
    const late = localInstant('2026-05-04', '23:30'); // 16:30 UTC, same date in both
    expect(registrationDeadline(cal, late, 'normal').toISOString()).toBe('2026-05-05T16:59:59.999Z');
    const early = localInstant('2026-05-05', '06:00'); // 23:00 UTC on 4 May
    expect(registrationDeadline(cal, early, 'normal').toISOString()).toBe('2026-05-06T16:59:59.999Z');
  });

  it('urgent arrivals must be registered within 60 working minutes', () => {
    const at = localInstant('2026-04-29', '09:00');
    expect(registeredOnTime(cal, at, localInstant('2026-04-29', '10:00'), 'urgent')).toBe(true);
    expect(registeredOnTime(cal, at, localInstant('2026-04-29', '10:01'), 'flash')).toBe(false);
  });
});

describe('outgoing sent on time (§2): hub custody by noon of nextWorkingDay(signing date)', () => {
  const signed = localInstant('2026-04-29', '16:00');

  it('signed before the holiday: by Monday noon', () => {
    expect(sendingDeadline(cal, signed, 'normal')).toEqual(localInstant('2026-05-04', '12:00'));
    expect(sentOnTime(cal, signed, localInstant('2026-05-04', '11:59'), 'normal')).toBe(true);
    expect(sentOnTime(cal, signed, localInstant('2026-05-04', '12:01'), 'normal')).toBe(false);
  });

  it('urgent documents: within 60 working minutes of signing', () => {
    expect(sentOnTime(cal, signed, localInstant('2026-04-29', '17:00'), 'very_urgent')).toBe(true);
    expect(sentOnTime(cal, signed, localInstant('2026-05-04', '07:01'), 'very_urgent')).toBe(false);
  });
});
