/**
 * `npm run bench:hub`: the provincial hub's throughput, latency and memory, as JSON (issue 5).
 * Two deployments start as in tests/exchange (A Bạc Liêu on PGlite, B Cà Mau on the PostgreSQL
 * server), then, in this order:
 * 1. memory: one ~100 MiB package (Base64, then ZIP+Base64) pushed to B between two of B's agencies,
 *    peak RSS of B's process from the push until the arrival has streamed the file into B's store
 *    (B, on the PostgreSQL server: A's embedded PGlite alone holds over 500 MB);
 * 2. within one instance: N small packages pushed to B's endpoint between two of B's agencies;
 * 3. between two instances: N small packages pushed to A's endpoint for a B agency, A's hub
 *    delivers them to B's hub;
 * 4. baseline: the same N packages' bytes inserted straight into a table of B's database.
 * Packages per second run from the first push to the last package in the receiving hub_inbox;
 * latency is inbox received_at − push.
 *
 *   npm run bench:hub -- [--packages 10000] [--concurrency 16] [--big-mb 100] [--no-memory] [--no-load]
 *                        [--port 4610] [--profile DIR]   (--profile: node --cpu-prof in both instances)
 *                        [--sender-engine pglite|postgres]  (A's database; default pglite, as tests/exchange)
 */
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { documentPackage, type BuiltPackage } from '../../tests/exchange/exchange-client.ts';
import { FAST_TIMING, startTwoInstances } from '../../tests/exchange/two-instances.ts';
import { round, runBaseline, runLoad } from './load.ts';
import { largePackage, peakWhileReceiving, type MemoryFigures } from './memory.ts';

function flag(name: string): boolean {
  return process.argv.includes(name);
}
function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
}
function text(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const packages = option('--packages', 10_000);
const concurrency = option('--concurrency', 16);
const bigMb = option('--big-mb', 100);
const port = option('--port', Number(process.env.E2E_PORT ?? 4610));
const profileDir = text('--profile');
const senderEngine = text('--sender-engine') ?? 'pglite';
if (senderEngine !== 'pglite' && senderEngine !== 'postgres') throw new Error('--sender-engine must be pglite or postgres');
process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
// The bench's clients all come from 127.0.0.1: the peer routes' per-address limit would cap them at 20/s.
process.env.HUB_PEER_RATE_PER_MINUTE = '10000000';
if (profileDir) {
  mkdirSync(profileDir, { recursive: true });
  process.env.LT_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${path.resolve(profileDir)}`;
}

const load: number[][] = [];
const sampleLoad = setInterval(() => load.push(loadavg()), 5000);
const startedAt = new Date();
const setupStarted = Date.now();
const two = await startTwoInstances({ portA: port, portB: port + 1, timing: FAST_TIMING, aOnPostgres: senderEngine === 'postgres' });
if (profileDir) delete process.env.LT_NODE_ARGS;
const setupSeconds = round((Date.now() - setupStarted) / 1000);
const db = new pg.Pool({ connectionString: two.b.instance.env.DATABASE_URL, max: Math.max(4, concurrency) });
const codeOf = (p: typeof two.a, name: string) => {
  const c = p.codes.get(name);
  if (!c) throw new Error(`no code for ${name}`);
  return c;
};
const bSender = codeOf(two.b, 'Sở Tài chính tỉnh Cà Mau');
const bReceiver = codeOf(two.b, 'Sở Nội vụ tỉnh Cà Mau');
const aSender = codeOf(two.a, 'Sở Nội vụ tỉnh Bạc Liêu');

const result: Record<string, unknown> = {};
try {
  if (!flag('--no-memory')) {
    const memory: MemoryFigures[] = [];
    for (const encoding of ['base64', 'zip'] as const) {
      const pkg = largePackage(bSender, bReceiver, two.b, bigMb, encoding);
      memory.push(await peakWhileReceiving(two.b, db, pkg, encoding));
    }
    result.memory = { aimPeakRssMB: 300, runs: memory };
  }
  if (!flag('--no-load')) {
    const build = (from: string, signer: typeof two.a.signer): BuiltPackage[] => Array.from({ length: packages }, () => documentPackage(from, [bReceiver], signer));
    const within = build(bSender, two.b.signer);
    const between = build(aSender, two.a.signer);
    const withinFigures = await runLoad(two.b, db, within, concurrency);
    const betweenFigures = await runLoad(two.a, db, between, concurrency);
    const baseline = await runBaseline(db, between, concurrency);
    result.throughput = {
      packages, concurrency, packageBytes: between[0]!.bytes.length, senderEngine, receiverEngine: two.b.instance.engine,
      withinOneInstance: withinFigures,
      betweenTwoInstances: betweenFigures,
      baselinePostgresInsert: baseline,
      ratios: {
        baselineOverWithin: round(baseline.packagesPerSecond / withinFigures.packagesPerSecond),
        baselineOverBetween: round(baseline.packagesPerSecond / betweenFigures.packagesPerSecond),
      },
      aim: { betweenPackagesPerSecond: 500, betweenP99Ms: 1000 },
    };
  }
} finally {
  clearInterval(sampleLoad);
  await db.end();
  // A profile is written when the process exits on its own: stop (SIGTERM) before close() kills.
  if (profileDir) await Promise.all([two.a.instance.stop(), two.b.instance.stop()]);
  await two.close();
}
const avg = load.length ? load.reduce((s, l) => s + l[0]!, 0) / load.length : loadavg()[0]!;
console.log(JSON.stringify({
  startedAt: startedAt.toISOString(), cpus: cpus().length, setupSeconds,
  loadAverage1m: { mean: round(avg), max: round(Math.max(...load.map((l) => l[0]!), 0)) },
  timing: { workerIntervalMs: FAST_TIMING.workerIntervalMs }, ...result,
}, null, 2));
