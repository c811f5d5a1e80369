import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { loadConfig, type Config } from '../../server/config/env.ts';
import { openDatabase, type Database } from '../../server/adapters/db/database.ts';
import { migrateToLatest } from '../../server/adapters/db/migrator.ts';
import { DEMO_PASSWORD, seedDemo } from '../../server/adapters/db/seed/seed-demo.ts';
import { composeDeps } from '../../server/entry/compose.ts';
import type { AppDeps } from '../../server/entry/http/deps.ts';
import { buildServer } from '../../server/entry/http/server.ts';
import { FixedClock } from '../../server/test/fixed-clock.ts';

export type Engine = 'pglite' | 'postgres';
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestEnv {
  engine: Engine;
  database: Database;
  deps: AppDeps;
  app: FastifyInstance;
  clock: FixedClock;
  config: Config;
  /** Logs in a (demo) user; returns headers for later requests. */
  login(username: string, password?: string): Promise<Session>;
  request(session: Session | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Id of an agency by its exact name. */
  agencyId(name: string): Promise<string>;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
  agencyId: string;
}

/** A fresh, empty database on the TEST_DATABASE_URL server, dropped by `drop()`. */
export async function createPostgresDatabase(prefix = 'lt_test'): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Runs the suite once per engine: on PGlite always, on PostgreSQL when TEST_DATABASE_URL is set.
 * Each run gets its own empty database, migrated, seeded with the demo province when asked.
 */
export function describeEachEngine(name: string, options: { seed?: boolean }, body: (env: () => TestEnv) => void): void {
  for (const engine of ENGINES) {
    describe(`[${engine}] ${name}`, () => {
      let env: TestEnv | undefined;
      let cleanup: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const dataDir = mkdtempSync(path.join(tmpdir(), 'lt-test-'));
        let database: Database;
        let drop: (() => Promise<void>) | undefined;
        let databaseUrl: string | undefined;
        if (engine === 'postgres') {
          const created = await createPostgresDatabase();
          databaseUrl = created.url;
          drop = created.drop;
          database = await openDatabase({ kind: 'postgres', url: created.url, max: 4 });
        } else {
          database = await openDatabase({ kind: 'pglite-memory' });
        }
        await migrateToLatest(database.db);
        const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SESSION_SECRET: 'x'.repeat(40), LOG_LEVEL: 'silent', DEMO_MODE: 'true', ...(databaseUrl && { DATABASE_URL: databaseUrl }) });
        const clock = new FixedClock();
        const deps = composeDeps(config, database, { clock });
        if (options.seed) await seedDemo(database.db, { hasher: deps.hasher, clock });
        const app = await buildServer(deps, { logger: false });
        await app.ready();
        let logins = 0;
        const request = (session: Session | null, opts: InjectOptions) =>
          app.inject({ ...opts, headers: { ...(session && { cookie: session.cookie, 'x-csrf-token': session.csrfToken }), ...opts.headers } });
        env = {
          engine, database, deps, app, clock, config, request,
          login: async (username, password = DEMO_PASSWORD) => {
            // Each helper login comes from its own address: suites log in more often than the per-address
            // login rate limit allows, and auth.test.ts exercises that limit through e.request instead.
            const remoteAddress = `10.${(++logins >> 16) & 255}.${(logins >> 8) & 255}.${logins & 255}`;
            const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });
            if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
            const cookie = res.cookies.find((c) => c.name === 'lt_session');
            const body = res.json() as { csrfToken: string; user: { id: string }; agency: { id: string } };
            return { cookie: `lt_session=${cookie!.value}`, csrfToken: body.csrfToken, userId: body.user.id, agencyId: body.agency.id };
          },
          agencyId: async (agencyName) => (await database.db.selectFrom('agencies').select('id').where('name', '=', agencyName).executeTakeFirstOrThrow()).id,
        };
        cleanup = async () => {
          await app.close();
          await database.close();
          await drop?.();
          rmSync(dataDir, { recursive: true, force: true });
        };
      });
      afterAll(async () => {
        await cleanup?.();
      });
      body(() => {
        if (!env) throw new Error('test environment not ready');
        return env;
      });
    });
  }
}

export const NAMES = {
  SNV: 'Sở Nội vụ tỉnh Bạc Liêu',
  STC: 'Sở Tài chính tỉnh Bạc Liêu',
  VP_TINH: 'Văn phòng Ủy ban nhân dân tỉnh Bạc Liêu',
  UBND_TINH: 'Ủy ban nhân dân tỉnh Bạc Liêu',
} as const;
