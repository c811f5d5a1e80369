import { NAMES } from '../harness.ts';
import { entry, index } from '../search-fixtures.ts';
import type { OutsiderCases } from './types.ts';

/**
 * Search is always within one agency: an outsider naming Sở Nội vụ is told it does not exist, even
 * though the query matches one of its documents exactly (tests/integration/search.test.ts has the
 * rest of the permission test: own-agency searches never show another agency's entries).
 */
export const searchCases: OutsiderCases = {
  'GET /api/search': {
    kind: 'tenant',
    outsider: 'vanthu.stc',
    prepare: async (env) => {
      const snv = await env.agencyId(NAMES.SNV);
      await index(env, entry(snv, { subject: 'Quyết định tuyển dụng công chức đợt kiểm thử người ngoài' }));
      return { method: 'GET', url: `/api/search?q=${encodeURIComponent('quyet dinh tuyen dung cong chuc')}&agencyId=${snv}` };
    },
  },
  'GET /api/search/suggest': {
    kind: 'tenant',
    outsider: 'vanthu.stc',
    prepare: async (env) => {
      const snv = await env.agencyId(NAMES.SNV);
      await index(env, entry(snv, { subject: 'Kế hoạch đào tạo bồi dưỡng kiểm thử người ngoài' }));
      return { method: 'GET', url: `/api/search/suggest?q=${encodeURIComponent('ke hoach dao t')}&agencyId=${snv}` };
    },
  },
};
