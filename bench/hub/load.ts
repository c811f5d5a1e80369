/**
 * The throughput part of bench/hub: push packages to a hub's peer endpoint with a fixed number of
 * clients in flight, wait until every one is in the receiving deployment's hub_inbox, and derive
 * packages per second and the send-to-inbox latency of each package; and the baseline: the same
 * bytes inserted straight into a PostgreSQL table with the same number of clients.
 */
import pg from 'pg';
import type { BuiltPackage } from '../../tests/exchange/exchange-client.ts';
import { sleep } from '../../tests/exchange/instance.ts';
import type { Province } from '../../tests/exchange/two-instances.ts';

export interface LoadFigures {
  packages: number;
  seconds: number;
  packagesPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Pushes answered 429 or 5xx and retried (a refused package stops the run). */
  retries: number;
}

export function percentiles(values: number[]): LoadFigures['latencyMs'] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0);
  return { p50: at(0.5), p99: at(0.99), max: Math.round(sorted[sorted.length - 1] ?? 0) };
}

/** Runs `work(i)` for i in [0, n) with at most `concurrency` at once. */
async function pool(n: number, concurrency: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(concurrency, n) }, async () => {
    while (next < n) await work(next++);
  });
  await Promise.all(runners);
}

async function pushOnce(province: Province, pkg: BuiltPackage): Promise<'ok' | 'retry'> {
  try {
    const res = await fetch(new URL('api/hub/packages', province.instance.url), {
      method: 'POST',
      headers: { 'content-type': 'application/xml', 'x-package-id': pkg.packageId, authorization: `Bearer ${province.endpointToken}` },
      body: pkg.bytes as unknown as BodyInit,
      signal: AbortSignal.timeout(120_000),
    });
    const body = await res.text();
    if (res.status === 200) return 'ok';
    if (res.status === 429 || res.status >= 500) return 'retry';
    throw new Error(`package ${pkg.packageId} refused: HTTP ${res.status} ${body.slice(0, 300)}`);
  } catch (error) {
    if ((error as Error).message.includes('refused:')) throw error;
    return 'retry';
  }
}

/**
 * Pushes every package to `province`'s endpoint (its e-office system handing them in) and waits
 * until `inboxDb` holds all of them as documents; latency = inbox received_at − first push attempt.
 */
export async function runLoad(province: Province, inboxDb: pg.Pool, pkgs: BuiltPackage[], concurrency: number): Promise<LoadFigures> {
  const sentAt = new Map<string, number>();
  let retries = 0;
  const started = Date.now();
  await pool(pkgs.length, concurrency, async (i) => {
    const pkg = pkgs[i]!;
    sentAt.set(pkg.packageId, Date.now());
    while ((await pushOnce(province, pkg)) === 'retry') {
      retries++;
      await sleep(100);
    }
  });
  const ids = pkgs.map((p) => p.packageId);
  const deadline = Date.now() + 120_000 + pkgs.length * 200;
  for (;;) {
    const { rows } = await inboxDb.query<{ n: string }>(`SELECT count(*) AS n FROM hub_inbox WHERE kind = 'document' AND package_id = ANY($1::text[])`, [ids]);
    if (Number(rows[0]!.n) >= ids.length) break;
    if (Date.now() > deadline) throw new Error(`only ${rows[0]!.n} of ${ids.length} packages reached the inbox`);
    await sleep(250);
  }
  const { rows } = await inboxDb.query<{ package_id: string; at: string }>(
    `SELECT package_id, (extract(epoch FROM received_at) * 1000)::float8 AS at FROM hub_inbox WHERE kind = 'document' AND package_id = ANY($1::text[])`,
    [ids],
  );
  const latencies = rows.map((r) => Number(r.at) - sentAt.get(r.package_id)!);
  const last = Math.max(...rows.map((r) => Number(r.at)));
  const seconds = (last - started) / 1000;
  return { packages: pkgs.length, seconds: round(seconds), packagesPerSecond: round(pkgs.length / seconds), latencyMs: percentiles(latencies), retries };
}

/** The same bytes, one INSERT per package into a table of the same PostgreSQL database, same concurrency. */
export async function runBaseline(db: pg.Pool, pkgs: BuiltPackage[], concurrency: number): Promise<LoadFigures> {
  await db.query('DROP TABLE IF EXISTS bench_hub_baseline');
  await db.query('CREATE TABLE bench_hub_baseline (package_id text PRIMARY KEY, payload bytea NOT NULL, received_at timestamptz NOT NULL DEFAULT clock_timestamp())');
  const latencies: number[] = [];
  const started = Date.now();
  await pool(pkgs.length, concurrency, async (i) => {
    const pkg = pkgs[i]!;
    const t = Date.now();
    await db.query('INSERT INTO bench_hub_baseline (package_id, payload) VALUES ($1, $2)', [pkg.packageId, pkg.bytes]);
    latencies.push(Date.now() - t);
  });
  const seconds = (Date.now() - started) / 1000;
  await db.query('DROP TABLE bench_hub_baseline');
  return { packages: pkgs.length, seconds: round(seconds), packagesPerSecond: round(pkgs.length / seconds), latencyMs: percentiles(latencies), retries: 0 };
}

export const round = (n: number) => Math.round(n * 100) / 100;
