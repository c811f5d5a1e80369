/**
 * Two lienthong deployments, two provinces, each other's peer hub (issue 5 item 9):
 * - A, Bạc Liêu (`H04`): embedded PGlite in its own DATA_DIR, the demo province seeded;
 * - B, Cà Mau (`H12`): a fresh database on the PostgreSQL server (TEST_DATABASE_URL), its small
 *   directory imported from `fixtures/ca-mau-agencies.csv`; on a second PGlite when no server is set.
 * Each hub also registers the province's own e-office system (the test) as an endpoint peer that may
 * send for its province's agencies (their exact codes, so an unknown code of the province is unknown): packages enter a hub the way another vendor's system hands them in,
 * over `POST /api/hub/packages`, signed with that province's system certificate.
 * Databases are filled in this process before the instances start (an embedded database has one
 * process; `lienthong hub peer-add --inbound-token` does the same by hand); the bearer tokens are
 * agreed up front, as two operators would agree them. Every peer gets the default certificate check,
 * exchange.md §2.7's whole one: each operator configures both provinces' CAs as trust anchors and
 * their current CRLs (`lienthong trust add`, `lienthong crl add`), so the exchange runs that check.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, targetFromConfig } from '../../server/adapters/db/database.ts';
import { migrateToLatest } from '../../server/adapters/db/migrator.ts';
import { seedDemo } from '../../server/adapters/db/seed/seed-demo.ts';
import { makeTestPki, type TestIdentity } from '../../server/adapters/hub/testing/certs.ts';
import { runImport } from '../../server/app/agencies/import-agencies.ts';
import { registerPeer } from '../../server/app/hub/register-peer.ts';
import { loadConfig } from '../../server/config/env.ts';
import { composeDeps } from '../../server/entry/compose.ts';
import type { AppDeps } from '../../server/entry/http/deps.ts';
import { createPostgresDatabase } from '../integration/harness.ts';
import { trustCa } from '../integration/hub-helpers.ts';
import { Instance } from './instance.ts';

export interface HubTiming {
  workerIntervalMs: number;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  retryMaxAttempts: number;
  breakerPauseMs: number;
  sendingLeaseMs: number;
}

/** Fast but real: the spec's schedule scaled down so a test waits seconds, not hours. */
export const FAST_TIMING: HubTiming = {
  workerIntervalMs: 200, retryBaseMs: 1000, retryMaxDelayMs: 4000, retryMaxAttempts: 1000, breakerPauseMs: 2000, sendingLeaseMs: 5000,
};

export interface Province {
  instance: Instance;
  /** The province's system certificate: signs what its endpoint hands in. */
  signer: TestIdentity;
  /** Token the province's endpoint (the test) presents to its own hub. */
  endpointToken: string;
  /** Open codes of the province's agencies, by name. */
  codes: Map<string, string>;
  /** Level-1 group, e.g. `H04`. */
  group: string;
}

export interface TwoInstances {
  a: Province;
  b: Province;
  /** Bearer tokens between the hubs: `aToB` is what hub A presents to hub B, `bToA` the reverse. */
  hubTokens: { aToB: string; bToA: string };
  close(): Promise<void>;
}

const token = () => randomBytes(32).toString('base64url');

function hubEnv(dataDir: string, port: number, nodeName: string, timing: HubTiming): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'test', LOG_LEVEL: 'warn',
    HUB_NODE_NAME: nodeName, HUB_WORKER_INTERVAL_MS: String(timing.workerIntervalMs), HUB_RETRY_BASE_MS: String(timing.retryBaseMs),
    HUB_RETRY_MAX_DELAY_MS: String(timing.retryMaxDelayMs), HUB_RETRY_MAX_ATTEMPTS: String(timing.retryMaxAttempts),
    HUB_BREAKER_PAUSE_MS: String(timing.breakerPauseMs), HUB_SENDING_LEASE_MS: String(timing.sendingLeaseMs),
  };
  delete env.DATABASE_URL;
  return env;
}

/**
 * Migrates, fills and reads a deployment's database in this process before it starts (quicker than
 * one CLI process per step); returns the open codes of its agencies by name.
 */
async function prepare(env: NodeJS.ProcessEnv, fill: (deps: AppDeps) => Promise<void>, register: (deps: AppDeps, codes: string[]) => Promise<void>): Promise<Map<string, string>> {
  const config = loadConfig(env);
  const database = await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl, max: 2 } : targetFromConfig(config));
  try {
    await migrateToLatest(database.db);
    const deps = composeDeps(config, database);
    await fill(deps);
    const rows = await database.db
      .selectFrom('agency_codes as c').innerJoin('agencies as g', 'g.id', 'c.agency_id')
      .select(['g.name', 'c.code']).where('c.valid_to', 'is', null).execute();
    await register(deps, rows.map((r) => r.code));
    return new Map(rows.map((r) => [r.name, r.code]));
  } finally {
    await database.close();
  }
}

export interface TwoInstancesOptions {
  portA: number;
  portB: number;
  timing?: HubTiming;
  /** Where the data directories go (a fresh temporary folder by default). */
  baseDir?: string;
  /** B on the PostgreSQL server at this URL's server (default TEST_DATABASE_URL); absent = PGlite. */
  postgresUrl?: string | undefined;
  /**
   * A on the PostgreSQL server too (a fresh database), as production runs: bench/hub's
   * `--sender-engine postgres`. Default: A on embedded PGlite (issue 5 item 9: one of each).
   */
  aOnPostgres?: boolean;
  /**
   * More routes at A towards B's province (exact codes win over B's group), e.g. through a test proxy
   * that tampers with packages in transit; same certificate and token as B.
   */
  extraRoutesOfA?: { name: string; codes: string[]; endpoint: string }[];
}

/** A deployment on a fresh PostgreSQL database (dropped when it is destroyed) or on embedded PGlite in its DATA_DIR. */
async function instanceOn(postgres: boolean, province: string, port: number, env: NodeJS.ProcessEnv): Promise<Instance> {
  if (!postgres) return new Instance(`${province} (PGlite)`, 'pglite', port, env, async () => {});
  const created = await createPostgresDatabase('lt_exchange');
  env.DATABASE_URL = created.url;
  env.SESSION_SECRET = token() + token();
  return new Instance(`${province} (PostgreSQL)`, 'postgres', port, env, created.drop);
}

/** Sets both deployments up and starts them; `close()` stops them and removes their data. */
export async function startTwoInstances(options: TwoInstancesOptions): Promise<TwoInstances> {
  const timing = options.timing ?? FAST_TIMING;
  const base = options.baseDir ?? mkdtempSync(path.join(tmpdir(), 'lt-exchange-'));
  const pkiA = makeTestPki();
  const pkiB = makeTestPki();

  const envA = hubEnv(path.join(base, 'bac-lieu'), options.portA, 'hub-baclieu', timing);
  envA.DEMO_MODE = 'true';
  const a = await instanceOn(options.aOnPostgres === true, 'Bạc Liêu', options.portA, envA);

  const envB = hubEnv(path.join(base, 'ca-mau'), options.portB, 'hub-camau', timing);
  envB.DEMO_MODE = 'false';
  const b = await instanceOn(Boolean(options.postgresUrl ?? process.env.TEST_DATABASE_URL), 'Cà Mau', options.portB, envB);

  // Each hub signs its acknowledgements (C60) with its province's system key, the certificate the other registers.
  const keyFiles = (name: string, who: TestIdentity): NodeJS.ProcessEnv => {
    mkdirSync(base, { recursive: true });
    writeFileSync(path.join(base, `${name}.key`), who.privateKeyPem, { mode: 0o600 });
    writeFileSync(path.join(base, `${name}.crt`), who.certificatePem);
    return { HUB_SIGNING_KEY_FILE: path.join(base, `${name}.key`), HUB_SIGNING_CERT_FILE: path.join(base, `${name}.crt`) };
  };
  Object.assign(envA, keyFiles('hub-baclieu', pkiA.organ));
  Object.assign(envB, keyFiles('hub-camau', pkiB.organ));

  const tokens = { endpointA: token(), endpointB: token(), aToB: token(), bToA: token() };
  const certA = pkiA.organ.certificatePem;
  const certB = pkiB.organ.certificatePem;
  const trustBoth = async (deps: AppDeps) => {
    for (const pki of [pkiA, pkiB]) await trustCa(deps, pki.ca.certificatePem, pki.crl);
  };
  const setUpA = () =>
    prepare(a.env, async (deps) => {
      await seedDemo(deps.database.db, { hasher: deps.hasher, clock: deps.clock });
    }, async (deps, codes) => {
      await trustBoth(deps);
      await deps.uow.run(async (tx) => {
        await registerPeer(tx, null, { name: 'Hệ thống QLVB tỉnh Bạc Liêu (bộ thử)', codePrefixes: codes, certificatePem: certA, inboundToken: tokens.endpointA });
        await registerPeer(tx, null, { name: 'hub-camau', codePrefixes: ['H12'], endpointUrl: b.url, certificatePem: certB, inboundToken: tokens.bToA, outboundToken: tokens.aToB });
        for (const r of options.extraRoutesOfA ?? []) {
          await registerPeer(tx, null, { name: r.name, codePrefixes: r.codes, endpointUrl: r.endpoint, certificatePem: certB, outboundToken: tokens.aToB });
        }
      });
    });
  const setUpB = () =>
    prepare(b.env, async (deps) => {
      await runImport(deps.uow, { clock: deps.clock }, null, readFileSync(path.resolve(import.meta.dirname, 'fixtures/ca-mau-agencies.csv'), 'utf8'));
    }, async (deps, codes) => {
      await trustBoth(deps);
      await deps.uow.run(async (tx) => {
        await registerPeer(tx, null, { name: 'Hệ thống QLVB tỉnh Cà Mau (bộ thử)', codePrefixes: codes, certificatePem: certB, inboundToken: tokens.endpointB });
        await registerPeer(tx, null, { name: 'hub-baclieu', codePrefixes: ['H04'], endpointUrl: a.url, certificatePem: certA, inboundToken: tokens.aToB, outboundToken: tokens.bToA });
      });
    });
  try {
    const [codesA, codesB] = await Promise.all([setUpA(), setUpB()]);
    await Promise.all([a.start(), b.start()]);
    return {
      a: { instance: a, signer: pkiA.organ, endpointToken: tokens.endpointA, codes: codesA, group: 'H04' },
      b: { instance: b, signer: pkiB.organ, endpointToken: tokens.endpointB, codes: codesB, group: 'H12' },
      hubTokens: { aToB: tokens.aToB, bToA: tokens.bToA },
      close: async () => {
        await Promise.all([a.destroy(), b.destroy()]);
        if (!options.baseDir) rmSync(base, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.allSettled([a.destroy(), b.destroy()]);
    throw error;
  }
}


/** Setting up and starting two deployments takes 30–90 s on a busy 2-core machine. */
export const SETUP_TIMEOUT_MS = 300_000;
