import { expect, it } from 'vitest';
import { allRoutes } from '../../server/entry/http/routes/index.ts';
import { snapshot } from './db-snapshot.ts';
import { describeEachEngine } from './harness.ts';
import { outsiderCases } from './outsider/index.ts';

const keys = allRoutes.map((r) => `${r.method} ${r.url}`);

it('every HTTP route has an outsider case (add one in tests/integration/outsider/ with the route)', () => {
  const missing = keys.filter((k) => !outsiderCases[k]);
  expect(missing, `routes without an outsider case: ${missing.join(', ')}`).toEqual([]);
  const stale = Object.keys(outsiderCases).filter((k) => !keys.includes(k));
  expect(stale, `outsider cases for routes that no longer exist: ${stale.join(', ')}`).toEqual([]);
});

describeEachEngine('outsiders', { seed: true }, (env) => {
  for (const key of keys) {
    const c = outsiderCases[key];
    if (c?.kind === 'shared') {
      it(`${key}: anonymous gets 401; another agency's user sees the same shared data as an insider`, async () => {
        const e = env();
        const request = await c.prepare(e);
        expect((await e.request(null, request)).statusCode).toBe(401);
        const inside = await e.request(await e.login('vanthu.snv'), request);
        const outside = await e.request(await e.login('vanthu.stc'), request);
        expect(inside.statusCode, inside.body).toBe(200);
        expect(outside.statusCode).toBe(200);
        expect(outside.json()).toEqual(inside.json());
      });
    }
    if (!c || c.kind === 'public' || c.kind === 'self' || c.kind === 'shared') continue;
    it(`${key}: a user of another agency gets ${c.kind === 'tenant' ? '404' : '403/404'} and nothing changes`, async () => {
      const e = env();
      const request = await c.prepare(e);
      const session = await e.login(c.outsider);
      const before = await snapshot(e.database.db);
      const res = await e.request(session, request);
      if (c.kind === 'tenant') expect(res.statusCode, res.body).toBe(404);
      else expect([403, 404], res.body).toContain(res.statusCode);
      expect(await snapshot(e.database.db)).toEqual(before);
    });
  }
});
