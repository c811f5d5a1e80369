/**
 * The incoming module writes its supervision facts (server/app/reports/README.md) and its search
 * entry (server/app/search/README.md) in the same transaction as each step.
 */
import { expect, it } from 'vitest';
import { describeEachEngine, NAMES, type Session, type TestEnv } from './harness.ts';
import { unitId } from './directory-fixtures.ts';
import { arriveFromStc, ensureUser, FakeSigning, incomingDeps, pinFakeSigning, UNIT_CCVC, UNIT_TCBC, userIdOf, VALID } from './incoming-helpers.ts';

async function facts(e: TestEnv, incomingId: string): Promise<{ kind: string; data: Record<string, unknown> }[]> {
  const rows = await e.database.db.selectFrom('supervision_facts').select(['kind', 'data']).where('document_key', '=', incomingId).orderBy('occurred_at').orderBy('id').execute();
  return rows.map((r) => ({ kind: r.kind, data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown> }));
}

/** Each step a minute after the last, so the facts' order is the steps' order. */
function later(e: TestEnv): void {
  e.clock.advance(60_000);
}

async function found(e: TestEnv, s: Session, q: string): Promise<string[]> {
  const res = await e.request(s, { method: 'GET', url: `/api/search?${new URLSearchParams({ q })}` });
  if (res.statusCode === 404 || res.statusCode === 403) return [];
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { documentId: string }[] }).items.map((i) => i.documentId);
}

describeEachEngine('incoming documents: supervision facts and search entries in the same transaction', { seed: true }, (env) => {
  const signing = new FakeSigning();

  it('arrival → registration → direction → pass-on → extension → finish: one fact per step, and the search entry follows the readers', async () => {
    const e = env();
    pinFakeSigning(e, signing);
    e.clock.set('2026-03-02T02:00:00Z');
    signing.next = VALID;
    const deps = incomingDeps(e, signing);
    const a = await arriveFromStc(e, deps, { number: '71', subject: 'Kế hoạch tuyển dụng viên chức ngành giáo dục Phước Long', dueDate: '2026/06/30', pdf: Buffer.from('%PDF-1.4\nmain\n%%EOF\n') });
    const arrivedFacts = await facts(e, a.id);
    expect(arrivedFacts).toEqual([{ kind: 'incoming.arrived', data: { urgency: 'normal', scope: 'province', sentAt: expect.any(String), competentSignature: 'valid', orgSignature: 'missing' } }]);

    const [clerk, leader, head, specialist] = [await e.login('vanthu.snv'), await e.login('giamdoc.snv'), await e.login('truongphong.snv'), await e.login('chuyenvien.snv')];
    await ensureUser(e, 'chuyenvien2.snv', ['specialist'], { unit: UNIT_TCBC });
    const otherUnit = await e.login('chuyenvien2.snv');
    const otherAgency = await e.login('vanthu.stc');
    const q = 'tuyen dung phuoc long';
    // Unregistered: the clerks' only.
    expect(await found(e, clerk, q)).toContain(a.id);
    expect(await found(e, leader, q)).not.toContain(a.id);

    later(e);
    expect((await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/register`, payload: {} })).statusCode).toBe(200);
    expect((await facts(e, a.id)).map((f) => f.kind)).toEqual(['incoming.arrived', 'incoming.registered']);
    expect((await facts(e, a.id))[1]!.data).toEqual({ channel: 'electronic' });
    expect(await found(e, leader, q)).toContain(a.id);
    expect(await found(e, head, q)).not.toContain(a.id);

    const ccvc = await unitId(e, NAMES.SNV, UNIT_CCVC);
    later(e);
    const directed = await e.request(leader, { method: 'POST', url: `/api/incoming/${a.id}/direct`, payload: { instruction: 'Phòng CCVC chủ trì', lead: { unitId: ccvc }, deadline: '2026-03-20' } });
    expect(directed.statusCode, directed.body).toBe(200);
    const deadlineSet = (await facts(e, a.id)).find((f) => f.kind === 'incoming.deadline_set');
    expect(deadlineSet?.data).toEqual({ deadline: '2026-03-20', unitId: ccvc, userId: null });
    // The head of the assigned unit finds it; the specialist not yet.
    expect(await found(e, head, q)).toContain(a.id);
    expect(await found(e, specialist, q)).not.toContain(a.id);

    const lead = await e.database.db.selectFrom('assignments').select('id').where('incoming_id', '=', a.id).where('parent_id', 'is', null).executeTakeFirstOrThrow();
    later(e);
    const passed = await e.request(head, { method: 'POST', url: `/api/assignments/${lead.id}/pass`, payload: { userId: await userIdOf(e, 'chuyenvien.snv') } });
    expect(passed.statusCode, passed.body).toBe(201);
    expect(await found(e, specialist, q)).toContain(a.id);
    expect(await found(e, otherUnit, q)).not.toContain(a.id);
    expect(await found(e, otherAgency, q)).not.toContain(a.id);
    const across = await e.request(otherAgency, { method: 'GET', url: `/api/search?${new URLSearchParams({ q, agencyId: await e.agencyId(NAMES.SNV) })}` });
    expect(across.statusCode).toBe(404);

    // The unit's deadline extended by the leader who set it: the document's effective deadline moves.
    later(e);
    const ext = await e.request(head, { method: 'POST', url: `/api/assignments/${lead.id}/extensions`, payload: { reason: 'Chờ số liệu các trường', proposedDeadline: '2026-03-31' } });
    expect(ext.statusCode, ext.body).toBe(201);
    later(e);
    const granted = await e.request(leader, { method: 'POST', url: `/api/extensions/${(ext.json() as { id: string }).id}/decision`, payload: { grant: true } });
    expect(granted.statusCode, granted.body).toBe(200);
    const extended = (await facts(e, a.id)).find((f) => f.kind === 'incoming.deadline_extended');
    expect(extended?.data).toEqual({ deadline: '2026-03-31', unitId: ccvc, userId: null });

    const mine = passed.json() as { id: string };
    later(e);
    expect((await e.request(specialist, { method: 'POST', url: `/api/assignments/${mine.id}/finish`, payload: { outcome: 'done' } })).statusCode).toBe(200);
    expect((await facts(e, a.id)).map((f) => f.kind)).toEqual(['incoming.arrived', 'incoming.registered', 'incoming.deadline_set', 'incoming.deadline_extended', 'incoming.finished']);
    const entry = await e.database.db.selectFrom('search_documents').select(['status', 'arrival_date']).where('document_id', '=', a.id).executeTakeFirstOrThrow();
    expect(entry).toEqual({ status: 'finished', arrival_date: '2026-03-02' });
  });

  it('a refusal records its reason and keeps the entry the clerks\' only; filing for information records finished', async () => {
    const e = env();
    pinFakeSigning(e, signing);
    const deps = incomingDeps(e, signing);
    signing.next = { status: 'INDETERMINATE', reasons: ['NOT_SIGNED'], signatures: [] };
    const refused = await arriveFromStc(e, deps, { number: '72', subject: 'Văn bản gửi nhầm địa chỉ Hồng Dân' });
    const filed = await arriveFromStc(e, deps, { number: '73', subject: 'Thông báo lịch tiếp công dân Giá Rai' });
    const [clerk, leader] = [await e.login('vanthu.snv'), await e.login('giamdoc.snv')];
    later(e);
    expect((await e.request(clerk, { method: 'POST', url: `/api/incoming/${refused.id}/refuse`, payload: { reason: 'Gửi nhầm cơ quan' } })).statusCode).toBe(200);
    expect(await facts(e, refused.id)).toEqual([
      { kind: 'incoming.arrived', data: expect.objectContaining({ competentSignature: 'missing', orgSignature: 'missing' }) },
      { kind: 'incoming.refused', data: { reason: 'Gửi nhầm cơ quan' } },
    ]);
    expect(await found(e, clerk, 'hong dan')).toContain(refused.id);
    expect(await found(e, leader, 'hong dan')).not.toContain(refused.id);

    later(e);
    await e.request(clerk, { method: 'POST', url: `/api/incoming/${filed.id}/register`, payload: {} });
    later(e);
    const r = await e.request(leader, { method: 'POST', url: `/api/incoming/${filed.id}/direct`, payload: { instruction: 'Lưu để biết', forInformation: true } });
    expect(r.statusCode, r.body).toBe(200);
    expect((await facts(e, filed.id)).map((f) => f.kind)).toEqual(['incoming.arrived', 'incoming.registered', 'incoming.finished']);
    expect(await found(e, leader, 'gia rai')).toContain(filed.id);
  });
});
