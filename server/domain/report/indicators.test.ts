import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../calendar/working-calendar.ts';
import { agencyFigures } from './agency-figures.ts';
import { rankBy } from './indicators.ts';
import { formatPercent, rate, roundHalfUp1 } from './numbers.ts';
import { asOfInstant, monthsOf, previousPeriod } from './period.ts';
import { provinceReport } from './province-report.ts';
import { EXPECTED, EXPECTED_PROVINCE, EXPECTED_R15 } from './testing/expected.ts';
import { at, C, D, F, FIXTURE_AGENCIES, FIXTURE_CALENDAR, FIXTURE_FACTS, FIXTURE_PERIOD, S } from './testing/fixture.ts';

const ctx = { period: FIXTURE_PERIOD, asOf: asOfInstant(FIXTURE_PERIOD), calendar: FIXTURE_CALENDAR };
const report = provinceReport(FIXTURE_AGENCIES, FIXTURE_FACTS, ctx);
const row = (id: string) => report.agencies.find((a) => a.agencyId === id)!.indicators;

describe('supervision indicators R1–R15 on the fixed province (domain.md §15)', () => {
  it('T is the end of 30 June, Vietnam time', () => {
    expect(ctx.asOf.toISOString()).toBe('2026-06-30T16:59:59.999Z');
  });

  for (const [id, name] of [[S, 'Sở Nội vụ (outgoing, signatures, timely sending, paper copies, recalls)'], [F, 'Sở Tài chính (refusal, nothing registered)'], [D, 'UBND huyện (registration, deadlines, extensions, holidays, external)'], [C, 'UBND xã (urgent limit, clock skew)']] as const) {
    it(`every indicator of ${name} has its exact value`, () => {
      expect(row(id)).toEqual(EXPECTED[id]);
    });
  }

  it('province totals are sums of counts and rates of sums, never means of rates', () => {
    expect(report.province).toMatchObject(EXPECTED_PROVINCE);
    // the mean of the agencies' R10 rates would be (100 + 50 + 50) / 3 = 66.7; the rate of sums is 4 / 7
    expect(report.province.r10.percent).toBe(57.1);
  });

  it('levels and the district group (district UBND with its communes) sum their agencies', () => {
    expect(report.levels.department.r10).toEqual({ numerator: 1, denominator: 1, percent: 100, leftOut: 0 });
    expect(report.levels.department.r6.percent).toBeNull(); // nothing registered by the departments: "–"
    expect(report.levels.province.r1.total).toBe(0);
    expect(report.levels.province.r12.percent).toBeNull();
    expect(report.districts).toHaveLength(1);
    const district = report.districts[0]!;
    expect(district.districtId).toBe(D);
    expect(district.indicators.r3.total).toBe(7);
    expect(district.indicators.r10).toEqual({ numerator: 3, denominator: 6, percent: 50, leftOut: 1 });
    expect(district.indicators.r8.incoming.percent).toBe(71.4); // 5 / 7
  });

  it('lists the R15 agencies: not connected at T, not receiving in P, inactive in P', () => {
    expect(report.r15).toEqual(EXPECTED_R15);
  });

  it('rows come by level, then name', () => {
    expect(report.agencies.map((a) => a.agencyId)).toEqual([S, F, D, C]);
  });

  it('ranks leave out agencies whose denominator is empty; ties share a rank', () => {
    const ranked = rankBy(report.agencies.map((a) => ({ name: a.name, indicators: a.indicators })), 'r10');
    expect(ranked.map((x) => [x.rank, x.item.name, x.value])).toEqual([
      [1, 'Sở Tài chính', 100],
      [2, 'UBND huyện Hòa Bình', 50],
      [2, 'UBND xã Vĩnh Mỹ A', 50],
    ]);
    expect(rankBy(report.agencies, 'r6').map((x) => x.item.name)).toEqual(['UBND xã Vĩnh Mỹ A', 'UBND huyện Hòa Bình']);
  });

  it('regenerating later gives the same figures: facts after T never count', () => {
    const later = [...FIXTURE_FACTS, { kind: 'incoming.registered' as const, agencyId: D, documentKey: 'd-i7', occurredAt: at('2026-07-01 08:00'), data: { channel: 'electronic' as const } }];
    expect(provinceReport(FIXTURE_AGENCIES, later, ctx).agencies).toEqual(report.agencies);
  });

  it('an earlier as-of instant inside P shrinks what counts (R12 deadlines effective as of T)', () => {
    // As of 14 May 07:00 the extension of i4 (14 May 08:00) is not yet granted: its deadline is 15 May, not yet
    // due; i13 (due 20 May) is not due either; i5 is past; i10 is not registered yet; i2 was on time.
    const early = agencyFigures(FIXTURE_FACTS.filter((f) => f.agencyId === D), { ...ctx, asOf: at('2026-05-14 07:00') });
    expect(early.r12).toMatchObject({ population: 4, onTime: 1, openNotDue: 2, openPastDeadline: 1, finishedLate: 0 });
  });

  it('without the holidays, i4 (arrived the day before 30 April) would have been registered late', () => {
    const plain = agencyFigures(FIXTURE_FACTS.filter((f) => f.agencyId === D), { ...ctx, calendar: workingCalendar({ holidays: [], makeUpDays: [] }) });
    expect(plain.r10).toMatchObject({ onTime: 1, late: 3 });
  });
});

describe('rounding and periods', () => {
  it('rounds half-up to one decimal, "–" for an empty denominator', () => {
    expect(roundHalfUp1(62.95)).toBe(63);
    expect(roundHalfUp1(0.05)).toBe(0.1);
    expect(roundHalfUp1(1.825)).toBe(1.8);
    expect(rate(1, 3).percent).toBe(33.3);
    expect(rate(2, 3).percent).toBe(66.7);
    expect(rate(0, 0).percent).toBeNull();
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(54.5)).toBe('54,5 %');
  });

  it('the previous period of equal length: previous half-year, previous year, or the days before', () => {
    expect(previousPeriod({ start: '2026-01-01', end: '2026-06-30' })).toEqual({ start: '2025-07-01', end: '2025-12-31' });
    expect(previousPeriod({ start: '2026-07-01', end: '2026-12-31' })).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(previousPeriod({ start: '2026-01-01', end: '2026-12-31' })).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(previousPeriod({ start: '2026-03-11', end: '2026-03-20' })).toEqual({ start: '2026-03-01', end: '2026-03-10' });
    expect(monthsOf({ start: '2026-01-15', end: '2026-03-10' })).toEqual([
      { start: '2026-01-15', end: '2026-01-31' }, { start: '2026-02-01', end: '2026-02-28' }, { start: '2026-03-01', end: '2026-03-10' },
    ]);
  });
});
