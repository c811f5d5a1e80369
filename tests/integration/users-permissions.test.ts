import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachEngine, type Session } from './harness.ts';

/** One demo user per role (seed-demo.ts); all but the supervisor and operator in Sở Nội vụ. */
const BY_ROLE = {
  clerk: 'vanthu.snv',
  leader: 'giamdoc.snv',
  deputy_leader: 'phogiamdoc.snv',
  head_of_unit: 'truongphong.snv',
  specialist: 'chuyenvien.snv',
  agency_admin: 'quantri.snv',
  provincial_supervisor: 'giamsat',
  system_operator: 'vanhanh',
} as const;
type RoleName = keyof typeof BY_ROLE;

const OPS = ['list', 'create', 'get', 'update', 'roles', 'reset', 'roleList', 'upload'] as const;
type Op = (typeof OPS)[number];

/**
 * Expected status per role and operation. Only the agency administrator manages users; the operator
 * passes the route's coarse check (user.manage: bootstrap) but the use cases refuse anything beyond a
 * first administrator, and a Sở Nội vụ user is "not found" to them. Files are for the document roles.
 */
const OK = { list: 200, create: 201, get: 200, update: 200, roles: 200, reset: 200, roleList: 200, upload: 201 };
const STAFF = { list: 403, create: 403, get: 403, update: 403, roles: 403, reset: 403, roleList: 200, upload: 201 };
const EXPECTED: Record<RoleName, Record<Op, number>> = {
  clerk: STAFF,
  leader: STAFF,
  deputy_leader: STAFF,
  head_of_unit: STAFF,
  specialist: STAFF,
  agency_admin: { ...OK, upload: 403 },
  provincial_supervisor: { ...STAFF, upload: 403 },
  system_operator: { list: 403, create: 404, get: 404, update: 404, roles: 404, reset: 404, roleList: 200, upload: 403 },
};

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');

describeEachEngine('permission matrix: user administration and files', { seed: true }, (env) => {
  it('answers each role as the permission table says', async () => {
    const e = env();
    const sessions = {} as Record<RoleName, Session>;
    for (const role of Object.keys(BY_ROLE) as RoleName[]) sessions[role] = await e.login(BY_ROLE[role]);
    const created = await e.request(sessions.agency_admin, {
      method: 'POST', url: '/api/users', payload: { username: 'muctieu.snv', fullName: 'Người Mục Tiêu', roles: ['specialist'], password: 'MucTieu-2026-x' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const target = `/api/users/${created.json().id}`;

    const requests = (role: RoleName): Record<Op, InjectOptions> => ({
      list: { method: 'GET', url: '/api/users' },
      create: { method: 'POST', url: '/api/users', payload: { username: `moi.${role.replace(/_/g, '-')}`, fullName: 'Người Mới', roles: ['specialist'], password: 'NguoiMoi-2026-x' } },
      get: { method: 'GET', url: target },
      update: { method: 'PATCH', url: target, payload: { title: `Sửa bởi ${role}` } },
      roles: { method: 'PUT', url: `${target}/roles`, payload: { roles: ['specialist'] } },
      reset: { method: 'POST', url: `${target}/password-reset`, payload: {} },
      roleList: { method: 'GET', url: '/api/roles' },
      upload: { method: 'POST', url: '/api/files', payload: PDF, headers: { 'content-type': 'application/pdf', 'x-file-name': `${role}.pdf` } },
    });

    const actual = {} as Record<RoleName, Record<Op, number>>;
    for (const role of Object.keys(BY_ROLE) as RoleName[]) {
      const reqs = requests(role);
      actual[role] = {} as Record<Op, number>;
      for (const op of OPS) actual[role][op] = (await e.request(sessions[role], reqs[op])).statusCode;
    }
    expect(actual).toEqual(EXPECTED);
  });
});
