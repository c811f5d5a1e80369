import { expect, it } from 'vitest';
import { describeEachEngine, NAMES, type Session, type TestEnv } from './harness.ts';

type Listed = { agencyId: string; name: string; reasons: string[] };

/** R15 "not connected at T" entries of two agencies, for the period start–end. */
async function notConnected(e: TestEnv, s: Session, end: string, ids: string[]): Promise<Listed[]> {
  const res = await e.request(s, { method: 'GET', url: `/api/reports/province?start=2026-01-01&end=${end}` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().r15.notConnected as Listed[]).filter((a) => ids.includes(a.agencyId));
}

describeEachEngine('R15: receiving suspended by the system operator', { seed: true }, (env) => {
  it('lists an agency as not connected at T exactly while a suspension covers date(T)', async () => {
    const e = env();
    e.clock.set('2026-07-02T03:00:00Z');
    const [snv, stc] = [await e.agencyId(NAMES.SNV), await e.agencyId(NAMES.STC)];
    const operator = await e.login('vanhanh');
    const giamsat = await e.login('giamsat');
    // The seeded agencies have an open code and an active clerk: nothing listed before.
    expect(await notConnected(e, giamsat, '2026-06-30', [snv, stc])).toEqual([]);

    const first = await e.request(operator, { method: 'POST', url: '/api/receiving-suspensions', payload: { agencyId: snv, startsOn: '2026-06-01', endsOn: '2026-06-29', reason: ' Sáp nhập sở ' } });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ agencyId: snv, agencyName: NAMES.SNV, startsOn: '2026-06-01', endsOn: '2026-06-29', reason: 'Sáp nhập sở' });
    const open = await e.request(operator, { method: 'POST', url: '/api/receiving-suspensions', payload: { agencyId: stc, startsOn: '2026-06-30', reason: 'Mất kết nối trục' } });
    expect(open.statusCode, open.body).toBe(201);

    const snvEntry = { agencyId: snv, name: NAMES.SNV, reasons: ['receiving_suspended'] };
    const stcEntry = { agencyId: stc, name: NAMES.STC, reasons: ['receiving_suspended'] };
    expect(await notConnected(e, giamsat, '2026-05-31', [snv, stc])).toEqual([]); // before both
    expect(await notConnected(e, giamsat, '2026-06-01', [snv, stc])).toEqual([snvEntry]); // first day, inclusive
    expect(await notConnected(e, giamsat, '2026-06-29', [snv, stc])).toEqual([snvEntry]); // last day, inclusive
    expect(await notConnected(e, giamsat, '2026-06-30', [snv, stc])).toEqual([stcEntry]); // the first ended, the second began
    // Until further notice: still listed while T runs on (T = now for a period not yet over).
    expect(await notConnected(e, giamsat, '2026-12-31', [snv, stc])).toEqual([stcEntry]);

    const listed = (await e.request(operator, { method: 'GET', url: '/api/receiving-suspensions' })).json().items as { id: string; agencyId: string }[];
    expect(listed.map((s) => s.agencyId)).toEqual([stc, snv]);
    const removed = await e.request(operator, { method: 'DELETE', url: `/api/receiving-suspensions/${open.json().id}` });
    expect(removed.statusCode).toBe(200);
    expect(await notConnected(e, giamsat, '2026-06-30', [snv, stc])).toEqual([]);
    expect((await e.request(operator, { method: 'DELETE', url: `/api/receiving-suspensions/${open.json().id}` })).statusCode).toBe(404);
  });

  it('refuses wrong dates and a missing reason, naming them', async () => {
    const e = env();
    const operator = await e.login('vanhanh');
    const snv = await e.agencyId(NAMES.SNV);
    const post = (payload: Record<string, unknown>) => e.request(operator, { method: 'POST', url: '/api/receiving-suspensions', payload: { agencyId: snv, reason: 'x', ...payload } });
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ startsOn: '2026-02-30' }, /Ngày "2026-02-30" không hợp lệ/],
      [{ startsOn: '2026-06-10', endsOn: '2026-06-09' }, /Ngày kết thúc 2026-06-09 trước ngày bắt đầu 2026-06-10/],
      [{ startsOn: '2026-06-10', reason: '   ' }, /Cần ghi lý do/],
    ];
    for (const [payload, message] of bad) {
      const res = await post(payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    expect((await post({ startsOn: '2026-06-10', agencyId: '00000000-0000-4000-8000-000000000099' })).statusCode).toBe(404);
    expect((await e.request(await e.login('giamsat'), { method: 'GET', url: '/api/receiving-suspensions' })).statusCode).toBe(403);
  });
});
