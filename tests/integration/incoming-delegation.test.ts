import { PDFDocument } from 'pdf-lib';
import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine, type TestEnv } from './harness.ts';
import { arriveFromStc, FakeSigning, incomingDeps, pinFakeSigning, userIdOf } from './incoming-helpers.ts';

/** A document from Sở Tài chính, registered and presented to the director (giamdoc.snv). */
async function presentedToLeader(e: TestEnv, number: string): Promise<string> {
  const a = await arriveFromStc(e, incomingDeps(e, new FakeSigning()), { number, dueDate: '2026/06/30' });
  const clerk = await e.login('vanthu.snv');
  expect((await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/register`, payload: {} })).statusCode).toBe(200);
  const p = await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/present`, payload: { leaderUserId: await userIdOf(e, 'giamdoc.snv') } });
  expect(p.statusCode, p.body).toBe(200);
  return a.id;
}

const assignmentsOf = (e: TestEnv, id: string) => e.database.db.selectFrom('assignments').select(['on_behalf_of', 'assigned_by', 'state']).where('incoming_id', '=', id).execute();

describeEachEngine('delegation: a deputy directs for the absent leader only inside the recorded interval (domain.md §4.3)', { seed: true }, (env) => {
  beforeEach(() => pinFakeSigning(env(), new FakeSigning()));

  it('before the interval the deputy is refused, inside it the direction is recorded "thay mặt" the leader, after it refused again', async () => {
    const e = env();
    e.clock.set('2026-03-09T01:00:00Z'); // Monday 08:00 in Vietnam
    const [leaderId, deputyId, specialistId] = [await userIdOf(e, 'giamdoc.snv'), await userIdOf(e, 'phogiamdoc.snv'), await userIdOf(e, 'chuyenvien.snv')];
    const leader = await e.login('giamdoc.snv');
    // Away from Tuesday 08:00 to Thursday 17:00.
    const made = await e.request(leader, { method: 'POST', url: '/api/delegations', payload: { delegateUserId: deputyId, startsAt: '2026-03-10T08:00:00+07:00', endsAt: '2026-03-12T17:00:00+07:00', reason: 'Đi công tác Hà Nội' } });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ principalUserId: leaderId, delegateUserId: deputyId, active: false, cancelledAt: null });
    const id = await presentedToLeader(e, '81');
    const direct = async (docId: string) => e.request(await e.login('phogiamdoc.snv'), { method: 'POST', url: `/api/incoming/${docId}/direct`, payload: { instruction: 'Chuyên viên tham mưu', lead: { userId: specialistId }, deadline: '2026-03-27' } });

    const before = await direct(id);
    expect(before.statusCode).toBe(403);
    expect(before.json()).toMatchObject({ message: expect.stringContaining('ủy quyền từ 08:00 ngày 10/03/2026 đến 17:00 ngày 12/03/2026 chưa bắt đầu') });
    expect(await assignmentsOf(e, id)).toEqual([]);
    const seenBefore = (await e.request(await e.login('phogiamdoc.snv'), { method: 'GET', url: `/api/incoming/${id}` })).json() as { can: { direct: boolean } };
    expect(seenBefore.can.direct).toBe(false);

    e.clock.set('2026-03-11T03:00:00Z'); // Wednesday 10:00: inside
    const deputy = await e.login('phogiamdoc.snv');
    expect(((await e.request(deputy, { method: 'GET', url: `/api/incoming/${id}` })).json() as { can: { direct: boolean } }).can.direct).toBe(true);
    const inside = await direct(id);
    expect(inside.statusCode, inside.body).toBe(200);
    expect(await assignmentsOf(e, id)).toEqual([{ on_behalf_of: leaderId, assigned_by: deputyId, state: 'pending' }]);
    const detail = (await e.request(deputy, { method: 'GET', url: `/api/incoming/${id}` })).json() as { events: { kind: string; actorUserId: string; onBehalfOf: string | null }[]; names: Record<string, string> };
    const directed = detail.events.find((ev) => ev.kind === 'directed')!;
    expect(directed).toMatchObject({ actorUserId: deputyId, onBehalfOf: leaderId });
    expect(`${detail.names[directed.actorUserId]} thay mặt ${detail.names[directed.onBehalfOf!]}`).toBe('Đặng Thị Phó thay mặt Huỳnh Văn Đức');
    // The handling slip prints the direction; the printout and the log name who printed it and when.
    const slip = await e.request(await e.login('vanthu.snv'), { method: 'GET', url: `/api/incoming/${id}/handling-slip` });
    expect(slip.statusCode, slip.body).toBe(200);
    expect(slip.headers['content-type']).toBe('application/pdf');
    const pdf = await PDFDocument.load(slip.rawPayload, { updateMetadata: false });
    expect(pdf.getTitle()).toMatch(/^Phiếu xử lý văn bản đến số \d+$/);
    expect(pdf.getSubject()).toBe('In bởi Võ Thị Hạnh lúc 10:00 ngày 11/03/2026');
    expect((await e.database.db.selectFrom('audit_events').select('actor_user_id').where('type', '=', 'incoming.slip_printed').where('subject_id', '=', id).execute())).toEqual([{ actor_user_id: await userIdOf(e, 'vanthu.snv') }]);
    // A head of unit the document was not assigned to may not print it.
    expect((await e.request(await e.login('truongphong.snv'), { method: 'GET', url: `/api/incoming/${id}/handling-slip` })).statusCode).toBe(404);
    const listed = (await e.request(deputy, { method: 'GET', url: '/api/delegations' })).json() as { items: { id: string; active: boolean }[] };
    expect(listed.items).toEqual([expect.objectContaining({ id: (made.json() as { id: string }).id, active: true })]);

    const later = await presentedToLeader(e, '82');
    // Presented while the director is away: the deputy is told too.
    const told = (await e.request(deputy, { method: 'GET', url: '/api/notifications' })).json() as { items: { kind: string; incomingId: string | null; title: string }[] };
    expect(told.items.filter((n) => n.kind === 'incoming.presented' && n.incomingId === later).map((n) => n.title)).toEqual([expect.stringContaining('(thay mặt Huỳnh Văn Đức, đến 17:00 ngày 12/03/2026)')]);
    expect(told.items.filter((n) => n.kind === 'incoming.presented' && n.incomingId === id)).toEqual([]);
    e.clock.set('2026-03-12T10:00:00Z'); // Thursday 17:00 sharp: the interval is over
    const after = await direct(later);
    expect(after.statusCode).toBe(403);
    expect(after.json()).toMatchObject({ message: expect.stringContaining('đã hết hạn') });
    expect(await assignmentsOf(e, later)).toEqual([]);
    // The leader, back, directs it himself.
    const back = await e.request(await e.login('giamdoc.snv'), { method: 'POST', url: `/api/incoming/${later}/direct`, payload: { instruction: 'Xử lý', lead: { userId: specialistId }, deadline: '2026-03-27' } });
    expect(back.statusCode, back.body).toBe(200);
    expect(await assignmentsOf(e, later)).toEqual([{ on_behalf_of: null, assigned_by: leaderId, state: 'pending' }]);
  });

  it('without any delegation the deputy is told so; a cancelled delegation stops at once', async () => {
    const e = env();
    e.clock.set('2026-04-06T01:00:00Z');
    await e.database.db.deleteFrom('delegations').execute(); // the first test's (expired) delegation would be named instead
    const [deputyId, specialistId] = [await userIdOf(e, 'phogiamdoc.snv'), await userIdOf(e, 'chuyenvien.snv')];
    const id = await presentedToLeader(e, '83');
    const deputy = await e.login('phogiamdoc.snv');
    const payload = { instruction: 'Xử lý', lead: { userId: specialistId }, deadline: '2026-04-20' };
    const none = await e.request(deputy, { method: 'POST', url: `/api/incoming/${id}/direct`, payload });
    expect(none.statusCode).toBe(403);
    expect(none.json()).toMatchObject({ message: expect.stringContaining('hiện không có ủy quyền nào') });
    // The agency administrator records it for the absent director.
    const admin = await e.login('quantri.snv');
    const made = await e.request(admin, { method: 'POST', url: '/api/delegations', payload: { principalUserId: await userIdOf(e, 'giamdoc.snv'), delegateUserId: deputyId, startsAt: '2026-04-06T00:00:00+07:00', endsAt: '2026-04-10T17:00:00+07:00' } });
    expect(made.statusCode, made.body).toBe(201);
    const leader = await e.login('giamdoc.snv');
    const cancelled = await e.request(leader, { method: 'POST', url: `/api/delegations/${(made.json() as { id: string }).id}/cancel`, payload: {} });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ active: false, cancelledAt: '2026-04-06T01:00:00.000Z' });
    expect((await e.request(deputy, { method: 'POST', url: `/api/incoming/${id}/direct`, payload })).statusCode).toBe(403);
    expect(await assignmentsOf(e, id)).toEqual([]);
  });

  it('who may record a delegation: own only, the administrator for anyone; the delegate must direct; intervals of one person do not overlap', async () => {
    const e = env();
    e.clock.set('2026-05-04T01:00:00Z');
    const [leaderId, deputyId, specialistId] = [await userIdOf(e, 'giamdoc.snv'), await userIdOf(e, 'phogiamdoc.snv'), await userIdOf(e, 'chuyenvien.snv')];
    const interval = { startsAt: '2026-05-05T08:00:00+07:00', endsAt: '2026-05-06T17:00:00+07:00' };
    const count = async () => (await e.database.db.selectFrom('delegations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
    const n0 = await count();
    const specialist = await e.login('chuyenvien.snv');
    expect((await e.request(specialist, { method: 'POST', url: '/api/delegations', payload: { delegateUserId: deputyId, ...interval } })).statusCode).toBe(403);
    const deputy = await e.login('phogiamdoc.snv');
    const forOther = await e.request(deputy, { method: 'POST', url: '/api/delegations', payload: { principalUserId: leaderId, delegateUserId: deputyId, ...interval } });
    expect(forOther.statusCode).toBe(403);
    expect(forOther.json()).toMatchObject({ message: 'Chỉ quản trị cơ quan được ghi ủy quyền cho người khác vắng mặt.' });
    const leader = await e.login('giamdoc.snv');
    const toSpecialist = await e.request(leader, { method: 'POST', url: '/api/delegations', payload: { delegateUserId: specialistId, ...interval } });
    expect(toSpecialist.statusCode).toBe(400);
    expect(toSpecialist.json()).toMatchObject({ message: expect.stringContaining('phải là lãnh đạo hoặc cấp phó') });
    const backwards = await e.request(leader, { method: 'POST', url: '/api/delegations', payload: { delegateUserId: deputyId, startsAt: interval.endsAt, endsAt: interval.startsAt } });
    expect(backwards.statusCode).toBe(400);
    expect(await count()).toBe(n0);
    expect((await e.request(leader, { method: 'POST', url: '/api/delegations', payload: { delegateUserId: deputyId, ...interval } })).statusCode).toBe(201);
    const overlap = await e.request(leader, { method: 'POST', url: '/api/delegations', payload: { delegateUserId: deputyId, startsAt: '2026-05-06T08:00:00+07:00', endsAt: '2026-05-08T17:00:00+07:00' } });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ message: expect.stringContaining('Đã có ủy quyền cho Đặng Thị Phó') });
    // The delegate may not cancel it.
    const id = ((await e.request(leader, { method: 'GET', url: '/api/delegations' })).json() as { items: { id: string; cancelledAt: string | null }[] }).items.find((d) => d.cancelledAt === null)!.id;
    expect((await e.request(deputy, { method: 'POST', url: `/api/delegations/${id}/cancel`, payload: {} })).statusCode).toBe(403);
  });
});
