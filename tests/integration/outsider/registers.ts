import { ensureStcAdmin } from '../directory-fixtures.ts';
import { NAMES } from '../harness.ts';
import type { OutsiderCases } from './types.ts';

/** Registers belong to one agency: another agency's administrator or clerk is told it does not exist. */
export const registerCases: OutsiderCases = {
  'GET /api/registers': {
    kind: 'tenant',
    outsider: 'vanthu.stc',
    prepare: async (env) => ({ method: 'GET', url: `/api/registers?agencyId=${await env.agencyId(NAMES.SNV)}` }),
  },
  'POST /api/registers': {
    kind: 'tenant',
    outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return { method: 'POST', url: '/api/registers', payload: { agencyId: await env.agencyId(NAMES.SNV), direction: 'outgoing', name: 'Sổ văn bản đi của người ngoài' } };
    },
  },
  'GET /api/document-types': {
    kind: 'shared',
    prepare: async () => ({ method: 'GET', url: '/api/document-types' }),
    why: 'needs a session; the catalogue of Decree 30 document types, copy kinds and urgency levels is the same for every agency and holds no agency’s data',
  },
};
