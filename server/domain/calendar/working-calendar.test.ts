import { describe, expect, it } from 'vitest';
import { endOfLocalDay, localDateOf, localInstant } from './vietnam-time.ts';
import { addWorkingDays, addWorkingMinutes, isWorkingDay, nextWorkingDay, workingCalendar, workingDaysAfter } from './working-calendar.ts';

// 30/4 (Thu) and 1/5 (Fri) are holidays; Saturday 9/5 is worked to make up for a bridge day.
const cal = workingCalendar({ holidays: ['2026-04-30', '2026-05-01'], makeUpDays: ['2026-05-09'] });

describe('working days (§2)', () => {
  it('Monday to Friday work, weekends do not', () => {
    expect(isWorkingDay(cal, '2026-04-29')).toBe(true);
    expect(isWorkingDay(cal, '2026-05-02')).toBe(false);
    expect(isWorkingDay(cal, '2026-05-03')).toBe(false);
  });

  it('holidays do not work, make-up Saturdays do', () => {
    expect(isWorkingDay(cal, '2026-04-30')).toBe(false);
    expect(isWorkingDay(cal, '2026-05-09')).toBe(true);
  });

  it('nextWorkingDay is strictly after the date and skips the holiday and the weekend', () => {
    expect(nextWorkingDay(cal, '2026-04-29')).toBe('2026-05-04');
    expect(nextWorkingDay(cal, '2026-05-04')).toBe('2026-05-05');
    expect(nextWorkingDay(cal, '2026-05-08')).toBe('2026-05-09');
  });

  it('adds working days (deadlines of §8.6)', () => {
    expect(addWorkingDays(cal, '2026-04-28', 3)).toBe('2026-05-05');
    expect(addWorkingDays(cal, '2026-04-28', 0)).toBe('2026-04-28');
  });

  it('counts the working days after a deadline (overdue days): holidays and weekends do not count, a make-up Saturday does', () => {
    expect(workingDaysAfter(cal, '2026-04-29', '2026-04-29')).toBe(0);
    expect(workingDaysAfter(cal, '2026-04-29', '2026-05-04')).toBe(1);
    expect(workingDaysAfter(cal, '2026-04-29', '2026-05-09')).toBe(6);
    expect(workingDaysAfter(cal, '2026-05-09', '2026-04-29')).toBe(0);
  });

  it('refuses calendar data that is not a date', () => {
    expect(() => workingCalendar({ holidays: ['30/04/2026'], makeUpDays: [] })).toThrow('30/04/2026');
  });
});

describe('Vietnam time', () => {
  it('end of day is 23:59:59.999 local', () => {
    expect(endOfLocalDay('2026-05-04').toISOString()).toBe('2026-05-04T16:59:59.999Z');
  });

  it('local date of an instant near midnight, in both directions', () => {
    expect(localDateOf(new Date('2026-05-03T17:00:00Z'))).toBe('2026-05-04');
    expect(localDateOf(new Date('2026-05-04T16:59:59Z'))).toBe('2026-05-04');
    expect(localInstant('2026-05-04', '07:00').toISOString()).toBe('2026-05-04T00:00:00.000Z');
  });
});

describe('working minutes', () => {
  it('counts inside office hours on the same morning', () => {
    expect(addWorkingMinutes(cal, localInstant('2026-04-29', '08:00'), 60)).toEqual(localInstant('2026-04-29', '09:00'));
  });

  it('skips the lunch break', () => {
    expect(addWorkingMinutes(cal, localInstant('2026-04-29', '11:00'), 60)).toEqual(localInstant('2026-04-29', '14:00'));
  });

  it('an arrival after hours before a holiday counts from the next working morning', () => {
    expect(addWorkingMinutes(cal, localInstant('2026-04-29', '16:30'), 60)).toEqual(localInstant('2026-05-04', '07:30'));
    expect(addWorkingMinutes(cal, localInstant('2026-04-29', '20:00'), 60)).toEqual(localInstant('2026-05-04', '08:00'));
  });
});
