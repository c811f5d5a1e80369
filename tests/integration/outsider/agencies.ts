import { ensureStcAdmin, unitId } from '../directory-fixtures.ts';
import { NAMES } from '../harness.ts';
import type { OutsiderCases } from './types.ts';

const SHARED_READ =
  'needs a session and directory.read, which every role holds: the directory (names, codes, units) is shared by all staff of the province by design (domain.md §3–4) and holds no agency’s documents';

/** Directory routes: reads are province-wide; changes need the operator (or, for units, the agency’s own administrator). */
export const agencyCases: OutsiderCases = {
  'GET /api/agencies': { kind: 'shared', why: SHARED_READ, prepare: async () => ({ method: 'GET', url: '/api/agencies?q=noi%20vu' }) },
  'GET /api/agencies/:id': { kind: 'shared', why: SHARED_READ, prepare: async (env) => ({ method: 'GET', url: `/api/agencies/${await env.agencyId(NAMES.SNV)}` }) },
  'GET /api/agencies/:id/units': { kind: 'shared', why: SHARED_READ, prepare: async (env) => ({ method: 'GET', url: `/api/agencies/${await env.agencyId(NAMES.SNV)}/units` }) },
  'GET /api/agencies/export': {
    kind: 'permission',
    outsider: 'giamdoc.stc',
    prepare: async () => ({ method: 'GET', url: '/api/agencies/export' }),
  },
  'POST /api/agencies': {
    kind: 'permission',
    outsider: 'giamdoc.stc',
    prepare: async (env) => ({
      method: 'POST',
      url: '/api/agencies',
      payload: { name: 'Chi cục Văn thư - Lưu trữ', shortName: 'Chi cục VTLT', level: 'provincial_agency', parentId: await env.agencyId(NAMES.SNV) },
    }),
  },
  'POST /api/agencies/import': {
    kind: 'permission',
    outsider: 'vanthu.stc',
    prepare: async () => ({
      method: 'POST',
      url: '/api/agencies/import',
      payload: { csv: `level,name,short_name,parent_name,identifier_code\nprovincial-agency,Chi cục Văn thư - Lưu trữ,Chi cục VTLT,${NAMES.SNV},\n` },
    }),
  },
  'PATCH /api/agencies/:id': {
    kind: 'permission',
    outsider: 'giamdoc.stc',
    prepare: async (env) => ({ method: 'PATCH', url: `/api/agencies/${await env.agencyId(NAMES.SNV)}`, payload: { active: false } }),
  },
  'POST /api/agencies/:id/codes': {
    kind: 'permission',
    outsider: 'giamdoc.stc',
    prepare: async (env) => ({ method: 'POST', url: `/api/agencies/${await env.agencyId(NAMES.SNV)}/codes`, payload: { code: '000.00.99.H04', validFrom: '2026-12-01' } }),
  },
  'POST /api/agencies/:id/units': {
    kind: 'tenant',
    outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return { method: 'POST', url: `/api/agencies/${await env.agencyId(NAMES.SNV)}/units`, payload: { name: 'Phòng Cải cách hành chính' } };
    },
  },
  'PATCH /api/units/:id': {
    kind: 'tenant',
    outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return { method: 'PATCH', url: `/api/units/${await unitId(env, NAMES.SNV, 'Phòng Công chức, viên chức')}`, payload: { isFocalPoint: true } };
    },
  },
};
