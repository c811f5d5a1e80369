import { expect, it } from 'vitest';
import type { Actor } from '../../server/app/actor.ts';
import { createDefaultRegisters, createRegister } from '../../server/app/registers/create-register.ts';
import { findRegisterFor } from '../../server/app/registers/find-registers.ts';
import { allocateNumber, voidNumber } from '../../server/app/registers/number-allocation.ts';
import { describeEachEngine, NAMES, type TestEnv } from './harness.ts';

async function actorOf(env: TestEnv, username: string): Promise<Actor> {
  const db = env.database.db;
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const roles = await db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).where('agency_id', '=', user.agency_id).execute();
  return { userId: user.id, username, fullName: user.full_name, agencyId: user.agency_id, unitId: user.unit_id, roles: roles.map((r) => r.role) as Actor['roles'], servedRoles: {} };
}

async function newRegister(env: TestEnv, input: { direction: string; name: string; typeCodes?: string[]; notationPattern?: string | null }) {
  const agencyId = await env.agencyId(NAMES.SNV);
  return env.deps.uow.run((tx) => createRegister(tx, { clock: env.clock }, null, { agencyId, ...input }));
}

describeEachEngine('registers and numbering', { seed: true }, (env) => {
  it('the agency administrator opens an outgoing register; it starts at 01 and the opening is audited', async () => {
    const e = env();
    const admin = await e.login('quantri.snv');
    const res = await e.request(admin, { method: 'POST', url: '/api/registers', payload: { direction: 'outgoing' } });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ name: 'Sổ đăng ký văn bản đi', year: 2026, notationPattern: '{type}-{agency}', typeCodes: [], state: 'open', volume: 1, nextNumber: '01' });
    const audit = await e.database.db.selectFrom('audit_events').select(['type', 'actor_user_id']).where('subject_id', '=', body.id).execute();
    expect(audit).toEqual([{ type: 'register.created', actor_user_id: admin.userId }]);

    const list = await e.request(admin, { method: 'GET', url: '/api/registers' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(body.id);
  });

  it('refuses a second register that could give the same number and notation, and a duplicate name', async () => {
    const e = env();
    const admin = await e.login('quantri.snv');
    const clash = await e.request(admin, { method: 'POST', url: '/api/registers', payload: { direction: 'outgoing', name: 'Sổ quyết định', typeCodes: ['decision'] } });
    expect(clash.statusCode, clash.body).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'REGISTER_SERIES_CLASH' });
    expect(clash.json().message).toContain('Sổ đăng ký văn bản đi');
    const dup = await e.request(admin, { method: 'POST', url: '/api/registers', payload: { direction: 'incoming', name: 'sổ đăng ký văn bản đi' } });
    expect(dup.json()).toMatchObject({ code: 'REGISTER_NAME_TAKEN' });
    const pattern = await e.request(admin, { method: 'POST', url: '/api/registers', payload: { direction: 'incoming', notationPattern: '{type}-{agency}' } });
    expect(pattern.statusCode).toBe(400);
    expect(pattern.json().message).toContain('Sổ văn bản đến');
  });

  it('clerks and leaders may list the registers, a specialist may not, and only the administrator opens one', async () => {
    const e = env();
    for (const u of ['vanthu.snv', 'giamdoc.snv']) {
      const s = await e.login(u);
      expect((await e.request(s, { method: 'GET', url: '/api/registers' })).statusCode).toBe(200);
    }
    const specialist = await e.login('chuyenvien.snv');
    expect((await e.request(specialist, { method: 'GET', url: '/api/registers' })).statusCode).toBe(403);
    const clerk = await e.login('vanthu.snv');
    expect((await e.request(clerk, { method: 'POST', url: '/api/registers', payload: { direction: 'copy' } })).statusCode).toBe(403);
  });

  it('50 allocations started at the same moment get 1..50 with no gap and no repeat', async () => {
    const e = env();
    const register = await newRegister(e, { direction: 'outgoing', name: 'Sổ thông báo (song song)', notationPattern: '{type}-{agency}-TBSS', typeCodes: ['notice'] });
    const clerk = await actorOf(e, 'vanthu.snv');
    const results = await Promise.all(
      Array.from({ length: 50 }, () => e.deps.uow.run((tx) => allocateNumber(tx, { clock: e.clock }, clerk, { registerId: register.id, typeCode: 'notice' }))),
    );
    expect(results.map((r) => r.number).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.printed)).size).toBe(50);
    expect(results.find((r) => r.number === 7)?.printed).toBe('Số: 07/TB-SNV-TBSS');
    const rows = await e.database.db.selectFrom('register_numbers').select('number').where('register_id', '=', register.id).execute();
    expect(rows).toHaveLength(50);
  });

  it('the year turns at midnight Vietnam time: 23:59:59 on 31 December keeps the old series, 00:00 on 1 January gives 01', async () => {
    const e = env();
    const register = await newRegister(e, { direction: 'outgoing', name: 'Sổ tờ trình', notationPattern: '{type}-{agency}-TT', typeCodes: ['submission'] });
    const clerk = await actorOf(e, 'vanthu.snv');
    const take = () => e.deps.uow.run((tx) => allocateNumber(tx, { clock: e.clock }, clerk, { registerId: register.id, typeCode: 'submission' }));
    try {
      e.clock.set('2026-12-31T10:00:00Z');
      await take();
      e.clock.set('2026-12-31T16:59:59Z');
      expect(await take()).toMatchObject({ year: 2026, number: 2, printed: 'Số: 02/TTr-SNV-TT' });
      e.clock.set('2026-12-31T17:00:00Z');
      expect(await take()).toMatchObject({ year: 2027, number: 1, codeNumber: '01', printed: 'Số: 01/TTr-SNV-TT' });
      expect(await take()).toMatchObject({ year: 2027, number: 2 });
    } finally {
      e.clock.set('2026-03-02T02:00:00Z');
    }
  });

  it('a number taken in a transaction that fails is not used up; a voided number keeps its line and reason', async () => {
    const e = env();
    const register = await newRegister(e, { direction: 'outgoing', name: 'Sổ kế hoạch', notationPattern: '{type}-{agency}-KHX', typeCodes: ['plan'] });
    const clerk = await actorOf(e, 'vanthu.snv');
    const take = () => e.deps.uow.run((tx) => allocateNumber(tx, { clock: e.clock }, clerk, { registerId: register.id, typeCode: 'plan', subject: { type: 'document', id: 'draft-1' } }));
    const first = await take();
    await expect(
      e.deps.uow.run(async (tx) => {
        await allocateNumber(tx, { clock: e.clock }, clerk, { registerId: register.id, typeCode: 'plan' });
        throw new Error('issuing failed after the number was taken');
      }),
    ).rejects.toThrow('issuing failed');
    expect((await take()).number).toBe(2);

    await e.deps.uow.run((tx) => voidNumber(tx, { clock: e.clock }, clerk, { numberId: first.id, reason: 'Lãnh đạo hủy việc ban hành' }));
    expect((await take()).number).toBe(3);
    const line = await e.database.db.selectFrom('register_numbers').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(line).toMatchObject({ number: 1, void_reason: 'Lãnh đạo hủy việc ban hành', subject_id: 'draft-1' });
    expect(line.voided_at).not.toBeNull();
    await expect(e.deps.uow.run((tx) => voidNumber(tx, { clock: e.clock }, clerk, { numberId: first.id, reason: 'lần nữa' }))).rejects.toMatchObject({ code: 'REGISTER_NUMBER_VOIDED' });
  });

  it('incoming registers give arrival numbers; copies share one series for SY, TrS and SL', async () => {
    const e = env();
    const clerk = await actorOf(e, 'vanthu.snv');
    const incoming = await newRegister(e, { direction: 'incoming', name: 'Sổ văn bản đến' });
    const arrival = await e.deps.uow.run((tx) => allocateNumber(tx, { clock: e.clock }, clerk, { registerId: incoming.id }));
    expect(arrival).toMatchObject({ number: 1, codeNotation: null, printed: 'Số đến: 01' });
    const copies = await newRegister(e, { direction: 'copy', name: 'Sổ bản sao' });
    const sy = await e.deps.uow.run((tx) => allocateNumber(tx, { clock: e.clock }, clerk, { registerId: copies.id, copyKind: 'SY' }));
    const trs = await e.deps.uow.run((tx) => allocateNumber(tx, { clock: e.clock }, clerk, { registerId: copies.id, copyKind: 'TrS' }));
    expect([sy.printed, trs.printed]).toEqual(['Số: 01/SY', 'Số: 02/TrS']);
  });

  it('a công văn is notated agency + area; without one the clerk is told what is missing', async () => {
    const e = env();
    const clerk = await actorOf(e, 'vanthu.snv');
    const register = await newRegister(e, { direction: 'outgoing', name: 'Sổ công văn', notationPattern: '{agency}-{unit}-CVX', typeCodes: ['official_letter'] });
    const cv = await e.deps.uow.run((tx) => allocateNumber(tx, { clock: e.clock }, clerk, { registerId: register.id, typeCode: 'official_letter', areaAbbreviation: 'TCBC' }));
    expect(cv.printed).toBe('Số: 01/SNV-TCBC-CVX');
    await expect(e.deps.uow.run((tx) => allocateNumber(tx, { clock: e.clock }, clerk, { registerId: register.id, typeCode: 'official_letter' }))).rejects.toMatchObject({ code: 'REGISTER_NOTATION_INVALID' });
    await expect(e.deps.uow.run((tx) => allocateNumber(tx, { clock: e.clock }, clerk, { registerId: register.id, typeCode: 'decision' }))).rejects.toMatchObject({ code: 'REGISTER_TYPE_NOT_COVERED' });
  });

  it('only the own agency’s clerk takes numbers: another agency’s clerk is told the register does not exist, a specialist is refused', async () => {
    const e = env();
    const register = await newRegister(e, { direction: 'incoming', name: 'Sổ văn bản đến (thử quyền)' });
    const outsider = await actorOf(e, 'vanthu.stc');
    await expect(e.deps.uow.run((tx) => allocateNumber(tx, { clock: e.clock }, outsider, { registerId: register.id }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const specialist = await actorOf(e, 'chuyenvien.snv');
    await expect(e.deps.uow.run((tx) => allocateNumber(tx, { clock: e.clock }, specialist, { registerId: register.id }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await e.database.db.selectFrom('register_counters').select('next_number').where('register_id', '=', register.id).execute()).toEqual([]);
  });

  it('a closed register and a register opened for next year give no number; the register for a type is found by routing', async () => {
    const e = env();
    const clerk = await actorOf(e, 'vanthu.snv');
    const next = await newRegister(e, { direction: 'copy', name: 'Sổ bản sao 2027', notationPattern: '{copy}-NX' });
    await e.database.db.updateTable('registers').set({ year: 2027 }).where('id', '=', next.id).execute();
    await expect(e.deps.uow.run((tx) => allocateNumber(tx, { clock: e.clock }, clerk, { registerId: next.id, copyKind: 'SY' }))).rejects.toMatchObject({ code: 'REGISTER_YEAR_NOT_OPEN' });
    await e.database.db.updateTable('registers').set({ state: 'closed' }).where('id', '=', next.id).execute();
    await expect(e.deps.uow.run((tx) => allocateNumber(tx, { clock: e.clock }, clerk, { registerId: next.id, copyKind: 'SY' }))).rejects.toMatchObject({ code: 'REGISTER_CLOSED' });

    const agencyId = await e.agencyId(NAMES.SNV);
    const forPlan = await e.deps.uow.run((tx) => findRegisterFor(tx, clerk, agencyId, 'outgoing', 'plan'));
    expect(forPlan.name).toBe('Sổ kế hoạch');
    const forMinutes = await e.deps.uow.run((tx) => findRegisterFor(tx, clerk, agencyId, 'outgoing', 'minutes'));
    expect(forMinutes.name).toBe('Sổ đăng ký văn bản đi');
    const stcAgency = await e.agencyId(NAMES.STC);
    const stcClerk = await actorOf(e, 'vanthu.stc');
    await expect(e.deps.uow.run((tx) => findRegisterFor(tx, stcClerk, stcAgency, 'incoming'))).rejects.toMatchObject({ code: 'REGISTER_NOT_CONFIGURED' });
  });

  it('an agency gets its three default registers once; the office clerk sees the committee’s registers it serves', async () => {
    const e = env();
    const committee = await e.agencyId(NAMES.UBND_TINH);
    const made = await e.deps.uow.run((tx) => createDefaultRegisters(tx, { clock: e.clock }, null, committee));
    expect(made.map((r) => [r.direction, r.name, r.notationPattern])).toEqual([
      ['outgoing', 'Sổ đăng ký văn bản đi', '{type}-{agency}'],
      ['incoming', 'Sổ đăng ký văn bản đến', null],
      ['copy', 'Sổ đăng ký bản sao văn bản', '{copy}'],
    ]);
    expect(await e.deps.uow.run((tx) => createDefaultRegisters(tx, { clock: e.clock }, null, committee))).toEqual([]);

    const officeClerk = await e.login('vanthu.vp');
    const res = await e.request(officeClerk, { method: 'GET', url: `/api/registers?agencyId=${committee}&direction=incoming` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toMatchObject([{ name: 'Sổ đăng ký văn bản đến', nextNumber: '01' }]);
  });

  it('every staff member reads the document type catalogue; an anonymous caller does not', async () => {
    const e = env();
    const s = await e.login('chuyenvien.snv');
    const res = await e.request(s, { method: 'GET', url: '/api/document-types' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.types).toHaveLength(29);
    expect(body.types.find((t: { number: number }) => t.number === 5)).toEqual({ number: 5, code: 'rules', name: 'Quy định', abbreviation: 'QyĐ' });
    expect(body.urgencies.map((u: { priority: string }) => u.priority)).toEqual(['0', '1', '2', '3']);
    expect((await e.request(null, { method: 'GET', url: '/api/document-types' })).statusCode).toBe(401);
  });
});
