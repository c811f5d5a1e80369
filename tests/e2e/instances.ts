/**
 * The two deployments the browser tests run against, one place for their addresses and settings
 * (read by playwright.config.ts, scripts/e2e-fixtures.ts and global-setup.ts):
 * - the main one, Bạc Liêu (`H04`), on E2E_PORT, embedded database in .tmp/e2e-data, started by
 *   Playwright's webServer;
 * - the peer, Cà Mau (`H12`), on E2E_PEER_PORT (default E2E_PORT + 1), started by global-setup.ts:
 *   on the PostgreSQL server when TEST_DATABASE_URL is set (database `lt_e2e_peer_<port>`, recreated
 *   by the fixtures and dropped at the end), else a second embedded database in .tmp/e2e-peer-data.
 * The two hubs are each other's peers (registered by the fixtures) with fast HUB_* timing, as in
 * tests/exchange/two-instances.ts.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const MAIN_PORT = Number(process.env.E2E_PORT ?? 3210);
export const PEER_PORT = Number(process.env.E2E_PEER_PORT ?? MAIN_PORT + 1);
export const MAIN_URL = `http://localhost:${MAIN_PORT}`;
/** 127.0.0.1, not localhost: the two deployments' session cookies must not share a host. */
export const PEER_URL = `http://127.0.0.1:${PEER_PORT}`;

const ROOT = path.resolve(import.meta.dirname, '../..');
export const PEER_DATA_DIR = path.join(ROOT, '.tmp/e2e-peer-data');

/** Fast but real hub timing (tests/exchange FAST_TIMING): a delivery to a peer not yet up is retried within seconds. */
export const FAST_HUB_ENV: Record<string, string> = {
  HUB_WORKER_INTERVAL_MS: '200', HUB_RETRY_BASE_MS: '1000', HUB_RETRY_MAX_DELAY_MS: '3000', HUB_RETRY_MAX_ATTEMPTS: '1000',
  HUB_BREAKER_PAUSE_MS: '2000', HUB_SENDING_LEASE_MS: '5000',
};

/** The peer's PostgreSQL database (a fixed name per port, so a leftover of an aborted run is simply recreated). */
export function peerDatabase(): { url: string; name: string; adminUrl: string } | undefined {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return undefined;
  const name = `lt_e2e_peer_${PEER_PORT}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), name, adminUrl: base };
}

/** Removes the peer's database (its PostgreSQL one, or its embedded folder); `recreate` makes it again, empty. */
export async function dropPeerDatabase(options: { recreate?: boolean } = {}): Promise<void> {
  rmSync(PEER_DATA_DIR, { recursive: true, force: true });
  const db = peerDatabase();
  if (!db) return;
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${db.name} WITH (FORCE)`);
    if (options.recreate) await admin.query(`CREATE DATABASE ${db.name}`);
  } finally {
    await admin.end();
  }
}

/** Environment of the Cà Mau deployment (its fixtures and its `lienthong start`). */
export function peerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env, ...FAST_HUB_ENV,
    DATA_DIR: PEER_DATA_DIR, PORT: String(PEER_PORT), LOG_LEVEL: 'warn', NODE_ENV: 'development', DEMO_MODE: 'true',
    HUB_NODE_NAME: 'hub-camau', LOGIN_RATE_PER_MINUTE: '1000', SESSION_SECRET: 'e2e-peer-session-secret-not-for-production-0123456789',
    DATABASE_URL: peerDatabase()?.url ?? '',
  };
  return env;
}

/** The Cà Mau clerk the outgoing test logs in as, on the peer. */
export const PEER_CLERK = { username: 'vanthu.snvcm', agency: 'Sở Nội vụ tỉnh Cà Mau' };
