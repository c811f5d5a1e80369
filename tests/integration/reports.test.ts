import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { generateDueEvaluations } from '../../server/app/reports/create-evaluation-report.ts';
import { EXPECTED } from '../../server/domain/report/testing/expected.ts';
import { D } from '../../server/domain/report/testing/fixture.ts';
import { loadFixtureProvince } from './fixtures/supervision-province.ts';
import { describeEachEngine, NAMES } from './harness.ts';

const H1 = 'start=2026-01-01&end=2026-06-30';

describeEachEngine('supervision reports over HTTP', { seed: true }, (env) => {
  it('the supervisor sees every agency’s counts and rates, never a document key, subject or file', async () => {
    const e = env();
    const ids = await loadFixtureProvince(e.database.db, e.deps.uow);
    e.clock.set('2026-07-01T03:00:00Z');
    const giamsat = await e.login('giamsat');
    const res = await e.request(giamsat, { method: 'GET', url: `/api/reports/province?${H1}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.asOf).toBe('2026-06-30T16:59:59.999Z');
    const district = body.agencies.find((a: { agencyId: string }) => a.agencyId === ids.get(D));
    // the fixture's calendar has only 30/4 and 1/5 off; the reports' 2026 calendar also has 27/4 and Tết,
    // which changes nothing for this agency's figures
    expect(district.indicators).toEqual(EXPECTED[D]);
    expect(res.body).not.toMatch(/SNV-VP|d-i\d|c-i\d|f-i\d/);
    expect(body.agencies.length).toBeGreaterThan(90); // the seeded province as well

    const drill = await e.request(giamsat, { method: 'GET', url: `/api/reports/agencies/${ids.get(D)}?${H1}` });
    expect(drill.statusCode, drill.body).toBe(200);
    expect(drill.json().indicators.r4).toEqual({ total: 9, electronic: 4, paper: 5 });
    expect(drill.json().points.map((p: { indicators: { r4: { total: number } } }) => p.indicators.r4.total)).toEqual([2, 1, 1, 0, 2, 3]);
    expect(drill.body).not.toMatch(/d-i\d/);

    const trend = await e.request(giamsat, { method: 'GET', url: `/api/reports/trend?${H1}` });
    expect(trend.statusCode).toBe(200);
    expect(trend.json().points).toHaveLength(6);

    const clerk = await e.login('vanthu.snv');
    expect((await e.request(clerk, { method: 'GET', url: `/api/reports/province?${H1}` })).statusCode).toBe(403);
    const bad = await e.request(giamsat, { method: 'GET', url: '/api/reports/province?start=2026-07-01&end=2026-06-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/Kỳ báo cáo không hợp lệ/);
  });

  it('generates the 6-month evaluation on demand with the comments; the archived XLSX and PDF download', async () => {
    const e = env();
    e.clock.set('2026-07-01T03:00:00Z');
    const giamsat = await e.login('giamsat');
    const comment = await e.request(giamsat, { method: 'POST', url: '/api/reports/comments', payload: { start: '2026-01-01', end: '2026-06-30', body: 'Các xã cần bố trí văn thư trực hệ thống.' } });
    expect(comment.statusCode, comment.body).toBe(201);
    const created = await e.request(giamsat, { method: 'POST', url: '/api/reports/evaluations', payload: { preset: 'half_year', year: 2026, half: 1 } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ preset: 'half_year', period: { start: '2026-01-01', end: '2026-06-30' }, definitionVersion: '2026.1', trigger: 'demand' });
    const id = created.json().id as string;
    const xlsx = await e.request(giamsat, { method: 'GET', url: `/api/reports/evaluations/${id}/file?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload.buffer.slice(xlsx.rawPayload.byteOffset, xlsx.rawPayload.byteOffset + xlsx.rawPayload.byteLength) as ArrayBuffer);
    const rows = wb.getWorksheet('Theo cơ quan')!.getSheetValues() as unknown[][];
    const header = rows.find((r) => r?.[1] === 'Cơ quan')!;
    const district = rows.find((r) => r?.[1] === 'UBND huyện Hòa Bình')!;
    expect(district[header.indexOf('R6 Tỷ lệ nhận điện tử (%)')]).toBe(44.4);
    expect(district[header.indexOf('R13 Quá hạn tại thời điểm T')]).toBe(2);
    const notes = wb.getWorksheet('Ý kiến giám sát')!.getSheetValues() as unknown[][];
    expect(notes.some((r) => r?.[4] === 'Các xã cần bố trí văn thư trực hệ thống.')).toBe(true);
    const pdf = await e.request(giamsat, { method: 'GET', url: `/api/reports/evaluations/${id}/file?format=pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const list = await e.request(giamsat, { method: 'GET', url: '/api/reports/evaluations' });
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(id);
    const audit = await e.database.db.selectFrom('audit_events').select('type').where('type', 'in', ['report.generated', 'report.comment_added']).execute();
    expect(audit.map((a) => a.type).sort()).toEqual(['report.comment_added', 'report.generated']);
    const early = await e.request(giamsat, { method: 'POST', url: '/api/reports/evaluations', payload: { preset: 'annual', year: 2026 } });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toMatch(/chưa kết thúc/);
  });

  it('the schedule generates each finished period once', async () => {
    const e = env();
    e.clock.set('2026-07-02T03:00:00Z');
    const first = await e.deps.uow.run((tx) => generateDueEvaluations(tx, { clock: e.clock, renderer: e.deps.reports }));
    expect(first.map((r) => [r.preset, r.period.start, r.trigger])).toEqual([['annual', '2025-01-01', 'schedule']]); // H1 2026 was made on demand above
    expect(await e.deps.uow.run((tx) => generateDueEvaluations(tx, { clock: e.clock, renderer: e.deps.reports }))).toEqual([]);
  });

  it('leaders see their agency’s open, due-soon and overdue work by unit and person; heads of unit their unit', async () => {
    const e = env();
    e.clock.set('2026-07-01T03:00:00Z'); // Wednesday 1 July, 10:00 in Vietnam
    const snv = await e.agencyId(NAMES.SNV);
    const unit = await e.database.db.selectFrom('units').select('id').where('agency_id', '=', snv).where('name', '=', 'Phòng Công chức, viên chức').executeTakeFirstOrThrow();
    const person = await e.database.db.selectFrom('users').select('id').where('username', '=', 'chuyenvien.snv').executeTakeFirstOrThrow();
    const at = (iso: string) => new Date(iso);
    await e.deps.uow.run(async (tx) => {
      for (const [key, deadline, unitId, userId] of [['w1', '2026-06-25', unit.id, person.id], ['w2', '2026-07-03', unit.id, person.id], ['w3', '2026-07-20', null, null], ['w4', null, null, null]] as const) {
        await tx.supervisionFacts.record({ kind: 'incoming.registered', agencyId: snv, documentKey: key, occurredAt: at('2026-06-20T02:00:00Z'), data: { channel: 'electronic' } });
        if (deadline) await tx.supervisionFacts.record({ kind: 'incoming.deadline_set', agencyId: snv, documentKey: key, occurredAt: at('2026-06-20T03:00:00Z'), data: { deadline, unitId, userId } });
      }
      await tx.supervisionFacts.record({ kind: 'incoming.registered', agencyId: snv, documentKey: 'w5', occurredAt: at('2026-06-20T02:00:00Z'), data: { channel: 'paper' } });
      await tx.supervisionFacts.record({ kind: 'incoming.finished', agencyId: snv, documentKey: 'w5', occurredAt: at('2026-06-25T02:00:00Z'), data: {} });
    });
    const leader = await e.request(await e.login('giamdoc.snv'), { method: 'GET', url: '/api/reports/workload' });
    expect(leader.statusCode, leader.body).toBe(200);
    expect(leader.json().totals).toEqual({ open: 2, dueSoon: 1, overdue: 1 });
    expect(leader.json().byUnit).toEqual([
      { id: unit.id, name: 'Phòng Công chức, viên chức', open: 0, dueSoon: 1, overdue: 1 },
      { id: null, name: 'Chưa giao đơn vị chủ trì', open: 2, dueSoon: 0, overdue: 0 },
    ]);
    expect(leader.json().byPerson[0]).toEqual({ id: person.id, name: 'Ngô Thị Chuyên', open: 0, dueSoon: 1, overdue: 1 });
    const head = await e.request(await e.login('truongphong.snv'), { method: 'GET', url: '/api/reports/workload' });
    expect(head.json()).toMatchObject({ scope: 'unit', totals: { open: 0, dueSoon: 1, overdue: 1 } });
    expect((await e.request(await e.login('vanthu.snv'), { method: 'GET', url: '/api/reports/workload' })).statusCode).toBe(403);
    expect((await e.request(await e.login('giamdoc.stc'), { method: 'GET', url: `/api/reports/workload?agencyId=${snv}` })).statusCode).toBe(404);
  });
});
