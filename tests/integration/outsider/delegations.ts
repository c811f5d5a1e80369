import { ensureStcAdmin } from '../directory-fixtures.ts';
import { NAMES, type TestEnv } from '../harness.ts';
import { userIdOf } from '../incoming-helpers.ts';
import type { OutsiderCases } from './types.ts';

/** A delegation of Sở Nội vụ's director to the deputy, in the future so that it can still be cancelled. */
async function snvDelegation(env: TestEnv): Promise<string> {
  const [principal, delegate] = [await userIdOf(env, 'giamdoc.snv'), await userIdOf(env, 'phogiamdoc.snv')];
  const known = await env.database.db.selectFrom('delegations').select('id').where('principal_user_id', '=', principal).where('cancelled_at', 'is', null).where('ends_at', '>', new Date('2098-01-01')).executeTakeFirst();
  if (known) return known.id;
  const row = await env.database.db.insertInto('delegations').values({
    agency_id: await env.agencyId(NAMES.SNV), principal_user_id: principal, delegate_user_id: delegate, starts_at: new Date('2099-01-01T00:00:00Z'), ends_at: new Date('2099-01-10T00:00:00Z'),
    reason: 'Nghỉ phép', created_by: principal,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Delegations belong to one agency: Sở Tài chính's leader and administrator are told they do not exist. */
export const delegationCases: OutsiderCases = {
  'GET /api/delegations': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => { await snvDelegation(env); return { method: 'GET', url: `/api/delegations?agencyId=${await env.agencyId(NAMES.SNV)}` }; } },
  'POST /api/delegations': {
    kind: 'tenant', outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return {
        method: 'POST', url: '/api/delegations',
        payload: { agencyId: await env.agencyId(NAMES.SNV), principalUserId: await userIdOf(env, 'giamdoc.snv'), delegateUserId: await userIdOf(env, 'phogiamdoc.snv'), startsAt: '2099-02-01T08:00:00+07:00', endsAt: '2099-02-02T17:00:00+07:00' },
      };
    },
  },
  'POST /api/delegations/:id/cancel': {
    kind: 'tenant', outsider: 'quantri.stc',
    prepare: async (env) => { await ensureStcAdmin(env); return { method: 'POST', url: `/api/delegations/${await snvDelegation(env)}/cancel`, payload: {} }; },
  },
};
