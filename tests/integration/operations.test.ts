import { expect, it } from 'vitest';
import { allRoutes } from '../../server/entry/http/routes/index.ts';
import { describeEachEngine } from './harness.ts';

describeEachEngine('operations endpoints', {}, (env) => {
  it('healthz says the process is alive and readyz that the database is migrated', async () => {
    const e = env();
    expect((await e.request(null, { method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await e.request(null, { method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: e.engine });
  });

  it('the OpenAPI document describes every route, and every response carries a request id', async () => {
    const e = env();
    const res = await e.request(null, { method: 'GET', url: '/api/openapi.json', headers: { 'x-request-id': 'req-test-1' } });
    expect(res.headers['x-request-id']).toBe('req-test-1');
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\./);
    for (const r of allRoutes) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url} in OpenAPI`).toBeDefined();
    }
  });

  it('an unknown API path answers a Vietnamese 404 body, and an anonymous call to a private route 401', async () => {
    const e = env();
    const missing = await e.request(null, { method: 'GET', url: '/api/khong-co' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('Không tìm thấy');
    const anonymous = await e.request(null, { method: 'GET', url: '/api/auth/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('AUTH_REQUIRED');
  });
});
