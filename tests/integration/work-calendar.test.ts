import { expect, it } from 'vitest';
import { workingCalendar } from '../../server/domain/calendar/working-calendar.ts';
import { defaultDeadline } from '../../server/app/incoming/deadline-defaults.ts';
import type { IncomingRecord } from '../../server/app/ports/incoming.ts';
import { loadFacts } from '../../server/app/reports/compute-report.ts';
import { period } from '../../server/domain/report/period.ts';
import { describeEachEngine, NAMES, type TestEnv } from './harness.ts';

const WEEKENDS_ONLY = workingCalendar({ holidays: [], makeUpDays: [] });

/** The default deadline of a normal document (10 working days) directed at `now`. */
async function deadlineAt(e: TestEnv, now: string): Promise<string> {
  const agencyId = await e.agencyId(NAMES.SNV);
  const doc = { agencyId, urgency: 'normal', typeName: 'Loại chưa cấu hình', dueDate: null } as unknown as IncomingRecord;
  return e.deps.uow.run((tx) => defaultDeadline(tx, WEEKENDS_ONLY, doc, new Date(now)));
}

describeEachEngine('working calendar kept by the system operator', { seed: true }, (env) => {
  it('starts with the Labour Code holidays of 2026 and 2027, with their solar dates', async () => {
    const e = env();
    const operator = await e.login('vanhanh');
    const y2026 = await e.request(operator, { method: 'GET', url: '/api/work-calendar/2026' });
    expect(y2026.statusCode, y2026.body).toBe(200);
    expect(y2026.json().days.map((d: { day: string }) => d.day)).toEqual([
      '2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-27', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02',
    ]);
    const y2027 = (await e.request(operator, { method: 'GET', url: '/api/work-calendar/2027' })).json();
    expect(y2027.days.map((d: { day: string }) => d.day)).toEqual([
      '2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
      '2027-04-16', '2027-04-30', '2027-05-03', '2027-09-02', '2027-09-03',
    ]);
    expect(y2027.days.find((d: { day: string }) => d.day === '2027-04-16')).toEqual({ day: '2027-04-16', kind: 'day_off', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
  });

  it('default handling deadlines skip its days off, and follow the operator’s corrections', async () => {
    const e = env();
    // Friday 24 April 2026, 9:00 in Vietnam; 10 working days skip 27/4 (Hùng Kings, observed), 30/4 and 1/5.
    expect(await deadlineAt(e, '2026-04-24T02:00:00Z')).toBe('2026-05-13');
    const operator = await e.login('vanhanh');
    const put = await e.request(operator, {
      method: 'PUT', url: '/api/work-calendar/2026',
      payload: { days: [{ day: '2026-04-28', kind: 'day_off', name: ' Nghỉ thử ' }, { day: '2026-05-09', kind: 'make_up', name: 'Làm bù thứ Bảy' }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().days).toEqual([
      { day: '2026-04-28', kind: 'day_off', name: 'Nghỉ thử' }, { day: '2026-05-09', kind: 'make_up', name: 'Làm bù thứ Bảy' },
    ]);
    // 27(1) 29(2) 30(3) 1/5(4) 4(5) 5(6) 6(7) 7(8) 8(9) Saturday 9/5 worked (10).
    expect(await deadlineAt(e, '2026-04-24T02:00:00Z')).toBe('2026-05-09');
    // The reports read the same store: their timeliness calendar has the corrected days.
    const loaded = await e.deps.uow.run((tx) => loadFacts(tx, period('2026-01-01', '2026-06-30'), new Date('2026-06-30T16:59:59.999Z')));
    expect([...loaded.calendar.holidays].filter((d) => d.startsWith('2026-')).sort()).toEqual(['2026-04-28']);
    expect([...loaded.calendar.makeUpDays]).toEqual(['2026-05-09']);
    expect([...loaded.calendar.holidays]).toContain('2027-02-10');
    const audit = await e.database.db.selectFrom('audit_events').select(['type', 'data']).where('type', '=', 'calendar.year_replaced').execute();
    expect(audit.map((a) => a.data)).toEqual([{ year: 2026, before: 11, daysOff: 1, makeUpDays: 1 }]);
  });

  it('refuses a list with a wrong date and says which', async () => {
    const e = env();
    const operator = await e.login('vanhanh');
    const put = (days: unknown[]) => e.request(operator, { method: 'PUT', url: '/api/work-calendar/2027', payload: { days } });
    const cases: [unknown[], RegExp][] = [
      [[{ day: '2027-02-30', kind: 'day_off', name: 'x' }], /Ngày "2027-02-30" không hợp lệ/],
      [[{ day: '2026-12-31', kind: 'day_off', name: 'x' }], /2026-12-31 không thuộc năm 2027/],
      [[{ day: '2027-05-04', kind: 'make_up', name: 'x' }], /2027-05-04 là ngày làm việc bình thường/],
      [[{ day: '2027-01-01', kind: 'day_off', name: 'a' }, { day: '2027-01-01', kind: 'day_off', name: 'b' }], /2027-01-01 được nhập hai lần/],
      [[{ day: '2027-01-01', kind: 'day_off', name: '  ' }], /cần ghi tên/],
    ];
    for (const [days, message] of cases) {
      const res = await put(days);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    expect((await e.request(operator, { method: 'GET', url: '/api/work-calendar/2027' })).json().days).toHaveLength(11);
    const admin = await e.login('quantri.snv');
    expect((await e.request(admin, { method: 'GET', url: '/api/work-calendar/2027' })).statusCode).toBe(403);
  });
});
