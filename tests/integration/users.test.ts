import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/adapters/db/seed/seed-demo.ts';
import { NAMES, describeEachEngine, type TestEnv } from './harness.ts';
import { unitId } from './directory-fixtures.ts';

async function userId(e: TestEnv, username: string): Promise<string> {
  return (await e.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

async function lastAudit(e: TestEnv, type: string) {
  return e.database.db.selectFrom('audit_events').selectAll().where('type', '=', type).orderBy('seq', 'desc').executeTakeFirst();
}

describeEachEngine('user administration', { seed: true }, (env) => {
  it('lists only the own agency’s users, filters them, and finds names without accents', async () => {
    const e = env();
    const admin = await e.login('quantri.snv');
    const all = await e.request(admin, { method: 'GET', url: '/api/users' });
    expect(all.statusCode, all.body).toBe(200);
    const names = all.json().items.map((u: { fullName: string }) => u.fullName);
    expect(names).toContain('Võ Thị Hạnh');
    expect(names).not.toContain('Trương Thị Tài'); // Sở Tài chính's clerk
    expect(all.body).not.toContain('passwordHash');
    expect(all.body).not.toContain('argon2');

    const folded = await e.request(admin, { method: 'GET', url: '/api/users?q=huynh%20van%20duc' });
    expect(folded.json().items.map((u: { username: string }) => u.username)).toEqual(['giamdoc.snv']);
    const byRole = await e.request(admin, { method: 'GET', url: '/api/users?role=clerk' });
    expect(byRole.json().items.map((u: { username: string }) => u.username)).toEqual(['vanthu.snv']);
    const unit = await unitId(e, NAMES.SNV, 'Phòng Công chức, viên chức');
    const byUnit = await e.request(admin, { method: 'GET', url: `/api/users?unit=${unit}` });
    expect(byUnit.json().items.map((u: { username: string }) => u.username).sort()).toEqual(['chuyenvien.snv', 'truongphong.snv']);
    const inactive = await e.request(admin, { method: 'GET', url: '/api/users?active=false' });
    expect(inactive.json()).toMatchObject({ items: [], total: 0 });
  });

  it('creates a user who must change the issued password, and refuses province-wide roles and taken names', async () => {
    const e = env();
    const admin = await e.login('quantri.snv');
    const payload = { username: 'nguyenvanmoi.snv', fullName: 'Nguyễn Văn Mới', title: 'Chuyên viên', roles: ['specialist'], password: 'BatDau-2026-x' };
    const created = await e.request(admin, { method: 'POST', url: '/api/users', payload });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ username: 'nguyenvanmoi.snv', agencyId: admin.agencyId, mustChangePassword: true, roles: [{ role: 'specialist', label: 'Chuyên viên' }] });
    expect((await lastAudit(e, 'user.created'))?.subject_id).toBe(created.json().id);

    const again = await e.request(admin, { method: 'POST', url: '/api/users', payload });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('USER_USERNAME_TAKEN');
    const operator = await e.request(admin, { method: 'POST', url: '/api/users', payload: { ...payload, username: 'vanhanh2.snv', roles: ['system_operator'] } });
    expect(operator.statusCode).toBe(400);
    expect(operator.json().message).toContain('Quản trị hệ thống');

    const newcomer = await e.login('nguyenvanmoi.snv', 'BatDau-2026-x');
    const me = await e.request(newcomer, { method: 'GET', url: '/api/auth/me' });
    expect(me.json().user.mustChangePassword).toBe(true);
  });

  it('edits name, title, unit and e-mail; refuses another agency’s unit; deactivating ends the user’s sessions', async () => {
    const e = env();
    const admin = await e.login('quantri.snv');
    const target = await userId(e, 'phogiamdoc.snv');
    const unit = await unitId(e, NAMES.SNV, 'Phòng Tổ chức, biên chế và tổ chức phi chính phủ');
    const patched = await e.request(admin, { method: 'PATCH', url: `/api/users/${target}`, payload: { title: 'Phó Giám đốc phụ trách', unitId: unit, email: 'pho.gd@snv.baclieu.gov.vn' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ title: 'Phó Giám đốc phụ trách', unitId: unit, email: 'pho.gd@snv.baclieu.gov.vn' });
    const event = await lastAudit(e, 'user.updated');
    expect(event?.data).toMatchObject({ changes: { title: { from: 'Phó Giám đốc', to: 'Phó Giám đốc phụ trách' } } });

    const foreignUnit = await unitId(e, NAMES.STC, 'Phòng Quản lý ngân sách');
    const refused = await e.request(admin, { method: 'PATCH', url: `/api/users/${target}`, payload: { unitId: foreignUnit } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('Đơn vị không thuộc cơ quan');
    const badEmail = await e.request(admin, { method: 'PATCH', url: `/api/users/${target}`, payload: { email: 'không-phải-thư' } });
    expect(badEmail.statusCode).toBe(400);

    const deputy = await e.login('phogiamdoc.snv');
    const off = await e.request(admin, { method: 'PATCH', url: `/api/users/${target}`, payload: { active: false } });
    expect(off.json().active).toBe(false);
    expect((await e.request(deputy, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await expect(e.login('phogiamdoc.snv')).rejects.toThrow(/401/);
    const listed = await e.request(admin, { method: 'GET', url: '/api/users?active=false' });
    expect(listed.json().items.map((u: { username: string }) => u.username)).toEqual(['phogiamdoc.snv']);
    await e.request(admin, { method: 'PATCH', url: `/api/users/${target}`, payload: { active: true } });
    await e.login('phogiamdoc.snv');
  });

  it('changes roles, and the new roles take effect at the next request', async () => {
    const e = env();
    const admin = await e.login('quantri.snv');
    const specialist = await e.login('chuyenvien.snv');
    const target = await userId(e, 'chuyenvien.snv');
    expect((await e.request(specialist, { method: 'GET', url: '/api/auth/me' })).json().abilities['document.issue']).toBeUndefined();
    const res = await e.request(admin, { method: 'PUT', url: `/api/users/${target}/roles`, payload: { roles: ['specialist', 'clerk'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().roles.map((g: { role: string }) => g.role).sort()).toEqual(['clerk', 'specialist']);
    expect((await e.request(specialist, { method: 'GET', url: '/api/auth/me' })).json().abilities['document.issue']).toBe('all');
    expect((await lastAudit(e, 'user.roles_changed'))?.data).toMatchObject({ before: [{ role: 'specialist' }] });

    const served = await e.request(admin, { method: 'PUT', url: `/api/users/${target}/roles`, payload: { roles: ['specialist'], served: [{ agencyId: await e.agencyId(NAMES.UBND_TINH), roles: ['clerk'] }] } });
    expect(served.statusCode).toBe(400); // Sở Nội vụ serves no other agency
    const empty = await e.request(admin, { method: 'PUT', url: `/api/users/${target}/roles`, payload: { roles: [] } });
    expect(empty.statusCode).toBe(400);
  });

  it('keeps the last administrator: they cannot drop their own role or lock themselves out', async () => {
    const e = env();
    const admin = await e.login('quantri.snv');
    const self = admin.userId;
    const drop = await e.request(admin, { method: 'PUT', url: `/api/users/${self}/roles`, payload: { roles: ['specialist'] } });
    expect(drop.statusCode).toBe(409);
    expect(drop.json()).toMatchObject({ code: 'USER_LAST_ADMIN', message: expect.stringContaining('quản trị viên cuối cùng') });
    const off = await e.request(admin, { method: 'PATCH', url: `/api/users/${self}`, payload: { active: false } });
    expect(off.statusCode).toBe(409);
    expect((await e.request(admin, { method: 'GET', url: `/api/users/${self}` })).json()).toMatchObject({ active: true, roles: [{ role: 'agency_admin' }] });

    // With a second administrator in place, the first may step down.
    const leader = await userId(e, 'giamdoc.snv');
    expect((await e.request(admin, { method: 'PUT', url: `/api/users/${leader}/roles`, payload: { roles: ['leader', 'agency_admin'] } })).statusCode).toBe(200);
    const stepDown = await e.request(admin, { method: 'PUT', url: `/api/users/${self}/roles`, payload: { roles: ['specialist'] } });
    expect(stepDown.statusCode, stepDown.body).toBe(200);
    expect((await e.request(admin, { method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    const other = await e.login('giamdoc.snv');
    expect((await e.request(other, { method: 'PUT', url: `/api/users/${self}/roles`, payload: { roles: ['agency_admin'] } })).statusCode).toBe(200);
  });

  it('resets a password to a temporary one: old sessions end, the old password stops working, the user must change it', async () => {
    const e = env();
    const admin = await e.login('quantri.snv');
    const head = await e.login('truongphong.snv');
    const target = await userId(e, 'truongphong.snv');
    const res = await e.request(admin, { method: 'POST', url: `/api/users/${target}/password-reset`, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    const temporary: string = res.json().temporaryPassword;
    expect(temporary).toMatch(/^[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}$/);
    expect((await e.request(head, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    await expect(e.login('truongphong.snv', DEMO_PASSWORD)).rejects.toThrow(/401/);
    const fresh = await e.login('truongphong.snv', temporary);
    expect((await e.request(fresh, { method: 'GET', url: '/api/auth/me' })).json().user.mustChangePassword).toBe(true);
    const event = await lastAudit(e, 'user.password_changed');
    expect(event).toMatchObject({ subject_id: target, actor_user_id: admin.userId });
    expect(JSON.stringify(event?.data)).not.toContain(temporary);

    const weak = await e.request(admin, { method: 'POST', url: `/api/users/${target}/password-reset`, payload: { temporaryPassword: 'abc' } });
    expect(weak.statusCode).toBe(400);
  });

  it('lets the operator bootstrap only an agency’s first administrator, who cannot take over province-wide accounts', async () => {
    const e = env();
    const operator = await e.login('vanhanh');
    const office = await e.agencyId(NAMES.VP_TINH);
    const first = { agencyId: office, username: 'quantri.vp', fullName: 'Đỗ Văn Quản', roles: ['agency_admin'], password: 'QuanTri-2026-vp' };
    const created = await e.request(operator, { method: 'POST', url: '/api/users', payload: first });
    expect(created.statusCode, created.body).toBe(201);
    const second = await e.request(operator, { method: 'POST', url: '/api/users', payload: { ...first, username: 'quantri2.vp' } });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('USER_ADMIN_EXISTS');
    const clerk = await e.request(operator, { method: 'POST', url: '/api/users', payload: { ...first, username: 'vanthu2.vp', roles: ['clerk'] } });
    expect(clerk.statusCode).toBe(404);
    expect((await e.request(operator, { method: 'GET', url: '/api/users' })).statusCode).toBe(403);

    // The office serves the provincial committee: its administrator grants roles there, and nowhere else.
    const vpAdmin = await e.login('quantri.vp', 'QuanTri-2026-vp');
    const vpClerk = await userId(e, 'vanthu.vp');
    const committee = await e.agencyId(NAMES.UBND_TINH);
    const served = await e.request(vpAdmin, { method: 'PUT', url: `/api/users/${vpClerk}/roles`, payload: { roles: ['clerk'], served: [{ agencyId: committee, roles: ['clerk', 'specialist'] }] } });
    expect(served.statusCode, served.body).toBe(200);
    expect(served.json().roles.filter((g: { agencyId: string }) => g.agencyId === committee).map((g: { role: string }) => g.role).sort()).toEqual(['clerk', 'specialist']);
    const elsewhere = await e.request(vpAdmin, { method: 'PUT', url: `/api/users/${vpClerk}/roles`, payload: { roles: ['clerk'], served: [{ agencyId: await e.agencyId(NAMES.STC), roles: ['clerk'] }] } });
    expect(elsewhere.statusCode).toBe(400);

    const operatorId = await userId(e, 'vanhanh');
    const takeover = await e.request(vpAdmin, { method: 'POST', url: `/api/users/${operatorId}/password-reset`, payload: {} });
    expect(takeover.statusCode).toBe(403);
    const demote = await e.request(vpAdmin, { method: 'PUT', url: `/api/users/${operatorId}/roles`, payload: { roles: ['clerk'] } });
    expect(demote.statusCode).toBe(403);
  });

  it('lists the roles with Vietnamese labels and their permissions for the admin screen', async () => {
    const e = env();
    const clerk = await e.login('vanthu.stc');
    const res = await e.request(clerk, { method: 'GET', url: '/api/roles' });
    expect(res.statusCode).toBe(200);
    const specialist = res.json().items.find((r: { code: string }) => r.code === 'specialist');
    expect(specialist).toMatchObject({ label: 'Chuyên viên', grantableByAgencyAdmin: true });
    expect(specialist.permissions.map((p: { permission: string }) => p.permission)).toContain('draft.create');
    expect(specialist.permissions.map((p: { permission: string }) => p.permission)).not.toContain('document.issue');
    expect(res.json().items.find((r: { code: string }) => r.code === 'system_operator')).toMatchObject({ label: 'Quản trị hệ thống', grantableByAgencyAdmin: false });
  });
});
