import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/adapters/db/database.ts';
import { migrateToLatest } from '../../server/adapters/db/migrator.ts';
import { DEMO_PASSWORD, seedDemo } from '../../server/adapters/db/seed/seed-demo.ts';
import { loadConfig } from '../../server/config/env.ts';
import { composeDeps } from '../../server/entry/compose.ts';
import { buildServer } from '../../server/entry/http/server.ts';
import { spawnSync } from 'node:child_process';
import { cliEnvironment } from './cli-harness.ts';
import { ENGINES } from './harness.ts';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'e2e', 'fixtures', 'signing');
const ROOT = path.join(FIXTURES, 'root.crt');
const CRL = path.join(FIXTURES, 'root.crl');
const BIN = path.resolve(import.meta.dirname, '../../bin/lienthong.mjs');

/** cli-harness's runCli with more time per command: on a machine shared by many test runs one start can take over two minutes. */
function runCli(args: string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 400_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const OUTSIDER_ROOT = path.join(import.meta.dirname, 'fixtures', 'signing', 'outsider-root.pem');

/** The same database opened in this process, with the HTTP API and the operator signed in (the CLI must not be running). */
async function withApi<T>(env: NodeJS.ProcessEnv, fn: (get: (url: string) => Promise<unknown>, post: (url: string, payload: object) => Promise<{ status: number; body: unknown }>) => Promise<T>, seed = false): Promise<T> {
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const database = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, max: 2 } : { kind: 'pglite', dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const deps = composeDeps(config, database);
    if (seed) await seedDemo(database.db, { hasher: deps.hasher, clock: deps.clock });
    const app = await buildServer(deps, { logger: false });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanhanh', password: DEMO_PASSWORD } });
      expect(login.statusCode, login.body).toBe(200);
      const headers = { cookie: `lt_session=${login.cookies.find((c) => c.name === 'lt_session')!.value}`, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
      return await fn(
        async (url) => (await app.inject({ method: 'GET', url, headers })).json(),
        async (url, payload) => {
          const res = await app.inject({ method: 'POST', url, payload, headers });
          return { status: res.statusCode, body: res.json() };
        },
      );
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

for (const engine of ENGINES) {
  describe(`[${engine}] lienthong trust / crl (command line)`, () => {
    it('adds, lists and removes trust anchors and CRLs with the same results as the API; bad input is refused with the reason', async () => {
      const { env, cleanup } = await cliEnvironment(engine);
      try {
        await withApi(env, async () => undefined, true);

        const added = runCli(['trust', 'add', ROOT, '--json'], env);
        expect(added.status, added.stderr).toBe(0);
        const anchor = JSON.parse(added.stdout) as { id: string; kind: string; subject: string };
        expect(anchor).toMatchObject({ kind: 'root', subject: expect.stringContaining('Lienthong Test Root CA') });
        const notCert = runCli(['trust', 'add', CRL], env);
        expect(notCert.status).toBe(1);
        expect(notCert.stderr).toMatch(/Lỗi: .*X\.509/);

        const byFile = runCli(['crl', 'add', CRL, '--json'], env);
        expect(byFile.status, byFile.stderr).toBe(0);
        expect(JSON.parse(byFile.stdout)).toMatchObject({ url: null, uploaded: true, issuer: expect.stringContaining('Lienthong Test Root CA') });
        const byUrl = runCli(['crl', 'add', 'http://ca.example.vn/root.crl', '--json'], env);
        expect(byUrl.status, byUrl.stderr).toBe(0);

        // The API added one more anchor meanwhile: the command line and the API list the same things.
        await withApi(env, async (_get, post) => {
          const res = await post('/api/signing/trust-anchors', { kind: 'root', certificateBase64: readFileSync(OUTSIDER_ROOT).toString('base64') });
          expect(res.status).toBe(201);
        });
        const cliAnchors = JSON.parse(runCli(['trust', 'list', '--json'], env).stdout) as { items: { id: string }[] };
        const cliCrls = JSON.parse(runCli(['crl', 'list', '--json'], env).stdout) as { items: { id: string; url: string | null }[] };
        expect(cliAnchors.items).toHaveLength(2);
        expect(cliCrls.items).toHaveLength(2);
        await withApi(env, async (get) => {
          expect(await get('/api/signing/trust-anchors')).toEqual(cliAnchors);
          expect(await get('/api/signing/revocation-sources')).toEqual(cliCrls);
        });
        // Each command costs a process start (about a minute on a loaded machine): removal is checked once, through the API.
        expect(runCli(['trust', 'remove', anchor.id], env).stdout).toContain(`Đã xóa chứng thư tin cậy ${anchor.id}.`);
        await withApi(env, async (get) => {
          expect((await get('/api/signing/trust-anchors') as { items: unknown[] }).items).toHaveLength(1);
          expect((await get('/api/signing/revocation-sources') as { items: unknown[] }).items).toEqual(cliCrls.items);
        });
      } finally {
        await cleanup();
      }
    }, 1_500_000);
  });
}
