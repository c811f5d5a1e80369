import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from './harness.ts';
import { arriveFromStc, pinFakeSigning, ensureUser, FakeSigning, incomingDeps, statusesAtSender, UNIT_CCVC, UNIT_TCBC, userIdOf } from './incoming-helpers.ts';
import { unitId } from './directory-fixtures.ts';
import { NAMES } from './harness.ts';

describeEachEngine('incoming documents: direction, pass-on, processing, finishing, statuses to the sender', { seed: true }, (env) => {
  const signing = new FakeSigning();
  beforeEach(() => pinFakeSigning(env(), signing));

  it('registered → directed to a unit (default deadline 10 working days, capped by DueDate) → passed to a specialist → comment → finished; the sender sees 01 03 04 05 06 in order', async () => {
    const e = env();
    e.clock.set('2026-03-02T02:00:00Z'); // Monday
    const deps = incomingDeps(e, signing);
    const a = await arriveFromStc(e, deps, { number: '41', dueDate: '2026/04/30' });
    const [clerk, leader, head, specialist] = [await e.login('vanthu.snv'), await e.login('giamdoc.snv'), await e.login('truongphong.snv'), await e.login('chuyenvien.snv')];
    expect((await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/register`, payload: {} })).statusCode).toBe(200);
    const leaderId = await userIdOf(e, 'giamdoc.snv');
    const presented = await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/present`, payload: { leaderUserId: leaderId } });
    expect(presented.json()).toMatchObject({ state: 'awaiting_direction', presentedTo: leaderId });
    const ccvc = await unitId(e, NAMES.SNV, UNIT_CCVC);
    const tcbc = await unitId(e, NAMES.SNV, UNIT_TCBC);
    // Exactly one lead; a deadline after the sender's DueDate is refused.
    const noLead = await e.request(leader, { method: 'POST', url: `/api/incoming/${a.id}/direct`, payload: { instruction: 'Xử lý' } });
    expect(noLead.statusCode).toBe(400);
    const late = await e.request(leader, { method: 'POST', url: `/api/incoming/${a.id}/direct`, payload: { instruction: 'Xử lý', lead: { unitId: ccvc }, deadline: '2026-05-15' } });
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({ details: { field: 'deadline' } });
    const directed = await e.request(leader, { method: 'POST', url: `/api/incoming/${a.id}/direct`, payload: { instruction: 'Phòng CCVC chủ trì, TCBC phối hợp', lead: { unitId: ccvc }, coordinating: [{ unitId: tcbc }] } });
    expect(directed.statusCode, directed.body).toBe(200);
    expect(directed.json()).toMatchObject({ state: 'assigned', exchangeState: '04' });
    const detail = (await e.request(head, { method: 'GET', url: `/api/incoming/${a.id}` })).json() as { assignments: { id: string; kind: string; deadline: string; assigneeUnitId: string }[]; can: { passOn: string[] } };
    const lead = detail.assignments.find((x) => x.kind === 'lead')!;
    expect(lead).toMatchObject({ assigneeUnitId: ccvc, deadline: '2026-03-16' });
    expect(detail.can.passOn).toEqual([lead.id]);
    // The specialist does not see it before it is passed on.
    expect((await e.request(specialist, { method: 'GET', url: `/api/incoming/${a.id}` })).statusCode).toBe(404);
    const specialistId = await userIdOf(e, 'chuyenvien.snv');
    const tooLate = await e.request(head, { method: 'POST', url: `/api/assignments/${lead.id}/pass`, payload: { userId: specialistId, deadline: '2026-03-20' } });
    expect(tooLate.statusCode).toBe(400);
    const passed = await e.request(head, { method: 'POST', url: `/api/assignments/${lead.id}/pass`, payload: { userId: specialistId, deadline: '2026-03-13', instruction: 'Đồng chí Chuyên tham mưu' } });
    expect(passed.statusCode, passed.body).toBe(201);
    const mine = passed.json() as { id: string; deadline: string; parentId: string };
    expect(mine).toMatchObject({ deadline: '2026-03-13', parentId: lead.id });
    expect((await statusesAtSender(e, a.documentId)).map((s) => s.code)).toEqual(['01', '03', '04']);
    const comment = await e.request(specialist, { method: 'POST', url: `/api/assignments/${mine.id}/comments`, payload: { text: 'Đã rà soát số liệu' } });
    expect(comment.statusCode, comment.body).toBe(200);
    expect((await statusesAtSender(e, a.documentId)).map((s) => s.code)).toEqual(['01', '03', '04', '05']);
    const finished = await e.request(specialist, { method: 'POST', url: `/api/assignments/${mine.id}/finish`, payload: { outcome: 'done', note: 'Đã báo cáo' } });
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json()).toEqual({ documentFinished: true });
    const statuses = await statusesAtSender(e, a.documentId);
    expect(statuses.map((s) => s.code)).toEqual(['01', '03', '04', '05', '06']);
    const final = (await e.request(leader, { method: 'GET', url: `/api/incoming/${a.id}` })).json() as { document: { state: string; outcome: string }; assignments: { kind: string; state: string }[]; events: { kind: string }[] };
    expect(final.document).toMatchObject({ state: 'finished', outcome: 'done' });
    expect(final.assignments.find((x) => x.kind === 'coordinating')).toMatchObject({ state: 'closed' });
    expect(final.events.map((x) => x.kind)).toEqual(expect.arrayContaining(['arrived', 'registered', 'presented', 'directed', 'passed', 'comment', 'finished']));
  });

  it('a deputy directs what is presented to the leader while delegated, recorded as acting for them; reassignment re-sends 04 only before 05', async () => {
    const e = env();
    e.clock.set('2026-03-03T02:00:00Z');
    const deps = incomingDeps(e, signing);
    const away = await e.request(await e.login('giamdoc.snv'), { method: 'POST', url: '/api/delegations', payload: { delegateUserId: await userIdOf(e, 'phogiamdoc.snv'), startsAt: '2026-03-03T07:00:00+07:00', endsAt: '2026-03-03T17:00:00+07:00' } });
    expect(away.statusCode, away.body).toBe(201);
    const a = await arriveFromStc(e, deps, { number: '42' });
    const [clerk, deputy] = [await e.login('vanthu.snv'), await e.login('phogiamdoc.snv')];
    await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/register`, payload: {} });
    const leaderId = await userIdOf(e, 'giamdoc.snv');
    await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/present`, payload: { leaderUserId: leaderId } });
    const specialistId = await userIdOf(e, 'chuyenvien.snv');
    const r = await e.request(deputy, { method: 'POST', url: `/api/incoming/${a.id}/direct`, payload: { instruction: 'Chuyên viên xử lý', lead: { userId: specialistId }, deadline: '2026-03-20' } });
    expect(r.statusCode, r.body).toBe(200);
    const ccvc = await unitId(e, NAMES.SNV, UNIT_CCVC);
    const again = await e.request(deputy, { method: 'POST', url: `/api/incoming/${a.id}/direct`, payload: { instruction: 'Giao lại cho phòng', lead: { unitId: ccvc } } });
    expect(again.statusCode, again.body).toBe(200);
    const rows = await e.database.db.selectFrom('assignments').select(['state', 'on_behalf_of', 'kind']).where('incoming_id', '=', a.id).orderBy('created_at').execute();
    expect(rows).toEqual([{ state: 'closed', on_behalf_of: leaderId, kind: 'lead' }, { state: 'pending', on_behalf_of: leaderId, kind: 'lead' }]);
    expect((await statusesAtSender(e, a.documentId)).map((s) => s.code)).toEqual(['01', '03', '04', '04']);
  });

  it('extension: the specialist asks, the head who set the sub-deadline grants, the effective deadline moves and both versions are kept', async () => {
    const e = env();
    e.clock.set('2026-03-02T02:00:00Z');
    const deps = incomingDeps(e, signing);
    const a = await arriveFromStc(e, deps, { number: '43' });
    const [clerk, leader, head, specialist] = [await e.login('vanthu.snv'), await e.login('giamdoc.snv'), await e.login('truongphong.snv'), await e.login('chuyenvien.snv')];
    await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/register`, payload: {} });
    const ccvc = await unitId(e, NAMES.SNV, UNIT_CCVC);
    await e.request(leader, { method: 'POST', url: `/api/incoming/${a.id}/direct`, payload: { instruction: 'Xử lý', lead: { unitId: ccvc }, deadline: '2026-03-20' } });
    const lead = (await e.database.db.selectFrom('assignments').select('id').where('incoming_id', '=', a.id).executeTakeFirstOrThrow()).id;
    const mine = (await e.request(head, { method: 'POST', url: `/api/assignments/${lead}/pass`, payload: { userId: await userIdOf(e, 'chuyenvien.snv'), deadline: '2026-03-10' } })).json() as { id: string };
    const req = await e.request(specialist, { method: 'POST', url: `/api/assignments/${mine.id}/extensions`, payload: { reason: 'Chờ số liệu của huyện', proposedDeadline: '2026-03-18' } });
    expect(req.statusCode, req.body).toBe(201);
    const ext = req.json() as { id: string };
    expect((await e.request(specialist, { method: 'POST', url: `/api/extensions/${ext.id}/decision`, payload: { grant: true } })).statusCode).toBe(403);
    const ok = await e.request(head, { method: 'POST', url: `/api/extensions/${ext.id}/decision`, payload: { grant: true, note: 'Đồng ý' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'granted', previousDeadline: '2026-03-10', proposedDeadline: '2026-03-18' });
    expect((await e.database.db.selectFrom('assignments').select('deadline').where('id', '=', mine.id).executeTakeFirstOrThrow()).deadline).toBe('2026-03-18');
    // A case file gathers the document.
    const cf = await e.request(specialist, { method: 'POST', url: '/api/case-files', payload: { title: 'Hồ sơ biên chế 2026', notation: '01.BC' } });
    expect(cf.statusCode, cf.body).toBe(201);
    const cfId = (cf.json() as { id: string }).id;
    expect((await e.request(specialist, { method: 'POST', url: `/api/case-files/${cfId}/documents`, payload: { incomingId: a.id } })).json()).toEqual({ filed: true });
    expect((await e.request(specialist, { method: 'POST', url: `/api/case-files/${cfId}/documents`, payload: { incomingId: a.id } })).json()).toEqual({ filed: false });
    const got = (await e.request(specialist, { method: 'GET', url: `/api/case-files/${cfId}` })).json() as { documents: { ordinal: number; incomingId: string }[] };
    expect(got.documents).toEqual([expect.objectContaining({ ordinal: 1, incomingId: a.id })]);
    expect((await e.request(specialist, { method: 'POST', url: '/api/case-files', payload: { title: 'Trùng', notation: '01.BC' } })).statusCode).toBe(409);
  });

  it('policy matrix: who sees an assigned document and who may act on its assignments (domain.md §4.2)', async () => {
    const e = env();
    const deps = incomingDeps(e, signing);
    const a = await arriveFromStc(e, deps, { number: '44' });
    await ensureUser(e, 'truongphong2.snv', ['head_of_unit'], { unit: UNIT_TCBC });
    await ensureUser(e, 'chuyenvien2.snv', ['specialist'], { unit: UNIT_TCBC });
    await ensureUser(e, 'chuyenvien3.snv', ['specialist'], { unit: UNIT_CCVC });
    const clerk = await e.login('vanthu.snv');
    await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/register`, payload: {} });
    const leader = await e.login('giamdoc.snv');
    const ccvc = await unitId(e, NAMES.SNV, UNIT_CCVC);
    await e.request(leader, { method: 'POST', url: `/api/incoming/${a.id}/direct`, payload: { instruction: 'Xử lý', lead: { unitId: ccvc } } });
    const lead = (await e.database.db.selectFrom('assignments').select('id').where('incoming_id', '=', a.id).executeTakeFirstOrThrow()).id;
    const head = await e.login('truongphong.snv');
    const mine = (await e.request(head, { method: 'POST', url: `/api/assignments/${lead}/pass`, payload: { userId: await userIdOf(e, 'chuyenvien.snv') } })).json() as { id: string };
    // [username, sees the document, may comment on the specialist's assignment]
    const matrix: [string, boolean, number][] = [
      ['vanthu.snv', true, 403], // clerk: sees every registered document, no assignment.work
      ['giamdoc.snv', true, 200], // leader: sees all, may act
      ['phogiamdoc.snv', true, 200], // deputy: sees registered documents, may act
      ['truongphong.snv', true, 200], // head of the lead unit
      ['chuyenvien.snv', true, 200], // the assignee
      ['chuyenvien3.snv', false, 404], // a specialist of the same unit it was not passed to
      ['truongphong2.snv', false, 404], // head of another unit
      ['chuyenvien2.snv', false, 404], // a specialist of another unit
      ['quantri.snv', false, 403], // agency administrator: no document content, and no assignment.work at all
      ['vanthu.stc', false, 403], // another agency (a clerk: refused before any lookup)
    ];
    const got: [string, boolean, number][] = [];
    for (const [username] of matrix) {
      const s = await e.login(username);
      const view = await e.request(s, { method: 'GET', url: `/api/incoming/${a.id}` });
      const act = await e.request(s, { method: 'POST', url: `/api/assignments/${mine.id}/comments`, payload: { text: `Ý kiến của ${username}` } });
      got.push([username, view.statusCode === 200, act.statusCode]);
    }
    expect(got).toEqual(matrix);
  });
});
