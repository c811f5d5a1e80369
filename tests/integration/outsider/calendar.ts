import { suspendReceiving } from '../../../server/app/agencies/receiving-suspensions.ts';
import { NAMES, type TestEnv } from '../harness.ts';
import type { OutsiderCases } from './types.ts';

/** The working calendar is the system operator's (hub.operate): an agency administrator or clerk is refused. */
export const calendarCases: OutsiderCases = {
  'GET /api/work-calendar/:year': { kind: 'permission', outsider: 'giamdoc.stc', prepare: async () => ({ method: 'GET', url: '/api/work-calendar/2026' }) },
  'PUT /api/work-calendar/:year': {
    kind: 'permission', outsider: 'vanthu.stc',
    prepare: async () => ({ method: 'PUT', url: '/api/work-calendar/2026', payload: { days: [{ day: '2026-03-02', kind: 'day_off', name: 'Ngày nghỉ giả' }] } }),
  },
};

async function suspensionId(env: TestEnv): Promise<string> {
  const existing = await env.database.db.selectFrom('agency_receiving_suspensions').select('id').executeTakeFirst();
  if (existing) return existing.id;
  const agencyId = await env.agencyId(NAMES.SNV);
  return (await env.deps.uow.run((tx) => suspendReceiving(tx, null, { agencyId, startsOn: '2026-03-01', reason: 'Sáp nhập' }))).id;
}

/** R15 suspensions are the system operator's too. */
export const suspensionCases: OutsiderCases = {
  'GET /api/receiving-suspensions': { kind: 'permission', outsider: 'giamdoc.stc', prepare: async () => ({ method: 'GET', url: '/api/receiving-suspensions' }) },
  'POST /api/receiving-suspensions': {
    kind: 'permission', outsider: 'vanthu.stc',
    prepare: async (env) => ({ method: 'POST', url: '/api/receiving-suspensions', payload: { agencyId: await env.agencyId(NAMES.SNV), startsOn: '2026-03-01', reason: 'x' } }),
  },
  'DELETE /api/receiving-suspensions/:id': {
    kind: 'permission', outsider: 'giamdoc.stc',
    prepare: async (env) => ({ method: 'DELETE', url: `/api/receiving-suspensions/${await suspensionId(env)}` }),
  },
};
