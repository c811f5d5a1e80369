import { ensureStcAdmin } from '../directory-fixtures.ts';
import { NAMES, type TestEnv } from '../harness.ts';
import type { OutsiderCase, OutsiderCases } from './types.ts';

/** Id of a demo user of Sở Nội vụ, the victim agency. */
async function snvUser(env: TestEnv, username: string): Promise<string> {
  return (await env.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** Sở Tài chính's administrator acts on a Sở Nội vụ user: must look exactly like a missing one. */
function againstSnvUser(method: 'GET' | 'PATCH' | 'PUT' | 'POST', suffix: string, payload?: object): OutsiderCase {
  return {
    kind: 'tenant',
    outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return { method, url: `/api/users/${await snvUser(env, 'chuyenvien.snv')}${suffix}`, ...(payload && { payload }) };
    },
  };
}

export const userCases: OutsiderCases = {
  // The list has no id to aim at another agency; users.test.ts checks an administrator sees only their own agency.
  'GET /api/users': { kind: 'permission', outsider: 'giamdoc.stc', prepare: async () => ({ method: 'GET', url: '/api/users' }) },
  'POST /api/users': {
    kind: 'tenant',
    outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return {
        method: 'POST',
        url: '/api/users',
        payload: { agencyId: await env.agencyId(NAMES.SNV), username: 'ke.gian', fullName: 'Kẻ Gian', roles: ['agency_admin'], password: 'Mat-khau-2026-x' },
      };
    },
  },
  'GET /api/users/:id': againstSnvUser('GET', ''),
  'PATCH /api/users/:id': againstSnvUser('PATCH', '', { active: false }),
  'PUT /api/users/:id/roles': againstSnvUser('PUT', '/roles', { roles: ['agency_admin'] }),
  'POST /api/users/:id/password-reset': againstSnvUser('POST', '/password-reset', { temporaryPassword: 'Tam-thoi-2026-x' }),
  'GET /api/roles': { kind: 'shared', prepare: async () => ({ method: 'GET', url: '/api/roles' }), why: 'the role list and permission table are the same for everyone (docs/permissions.md) and hold no agency’s data' },
};
