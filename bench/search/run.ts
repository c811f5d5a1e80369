/**
 * Search benchmark (issue #8): `npm run bench:search` (100,000 documents), `-- --docs 1000000` for the
 * large run, `-- --engines postgres` for one engine, `-- --explain` to print the plans to stderr.
 * Prints JSON: p50/p95 of top-10 searches (unaccented, accented, filtered) and of suggestions, through
 * the production repository (PgSearchRepository.find: one ranked page with the match count), beside the
 * same run's baseline of one primary-key lookup, with ratios. See bench/search/README.md.
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/adapters/db/database.ts';
import { migrateToLatest } from '../../server/adapters/db/migrator.ts';
import { PgSearchRepository } from '../../server/adapters/db/repositories/search-documents.ts';
import type { DB } from '../../server/adapters/db/schema.ts';
import type { SearchRequest } from '../../server/app/ports/search-index.ts';
import { fold, parseQuery } from '../../server/domain/search/query.ts';
import type { ReaderKey } from '../../server/domain/search/readers.ts';
import { ORGANS, pick, prng, queryPhrase, TYPES } from './generator.ts';
import { loadCorpus, QUERIED_SHARE, type Corpus } from './load.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const DOCS = Number(arg('docs', '100000'));
const ENGINES = arg('engines', 'pglite,postgres').split(',');
const QUERIES = Number(arg('queries', '40'));
const EXPLAIN = process.argv.includes('--explain');
/** Keep the PostgreSQL database (its name goes to stderr) for EXPLAIN experiments. */
const KEEP = process.argv.includes('--keep') || process.argv.includes('--database');
/** Re-measure a database kept by an earlier --keep run (PostgreSQL only), without loading again. */
const REUSE = process.argv.includes('--database') ? arg('database', '') : undefined;
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const round = (n: number) => Math.round(n * 100) / 100;

async function timeAll<T>(items: T[], fn: (item: T) => Promise<unknown>): Promise<{ p50: number; p95: number; n: number }> {
  for (const item of items.slice(0, 5)) await fn(item); // warm caches and plans
  const times: number[] = [];
  for (const item of items) {
    const t = performance.now();
    await fn(item);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), n: times.length };
}

async function openEngine(engine: string): Promise<{ database: Database; drop(): Promise<void> }> {
  if (engine === 'pglite') return { database: await openDatabase({ kind: 'pglite-memory' }), drop: async () => undefined };
  const name = REUSE ?? `lt_bench_${randomBytes(4).toString('hex')}`;
  if (!REUSE) {
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  }
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ kind: 'postgres', url: url.toString(), max: 2 }),
    drop: async () => {
      if (KEEP) return void process.stderr.write(`kept database ${name}\n`);
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the SQL the repository really sends, captured through Kysely's log. */
async function explain(database: Database, label: string, request: SearchRequest): Promise<void> {
  const captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: database.pool as pg.Pool }), log: (e) => { if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters }); } });
  await new PgSearchRepository(db).find(request);
  for (const q of captured) {
    const plan = await database.pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, [...q.parameters]);
    process.stderr.write(`\n--- ${database.kind} ${label} ---\n${(plan.rows as Record<string, string>[]).map((r) => Object.values(r)[0]).join('\n')}\n`);
  }
}

/** The corpus facts of a kept database: its first agency is the queried one (load.ts). */
async function keptCorpus(database: Database): Promise<Corpus & { loadSeconds: number; indexSeconds: number }> {
  const agencies = await sql<{ id: string }>`SELECT id FROM agencies WHERE name LIKE 'Cơ quan thử tải %' ORDER BY length(name), name`.execute(database.db);
  const samples = await sql<{ document_id: string }>`SELECT document_id FROM search_documents TABLESAMPLE SYSTEM (1) LIMIT 500`.execute(database.db);
  const agencyIds = agencies.rows.map((a) => a.id);
  return { agencyIds, queried: agencyIds[0]!, unitId: '', sampleIds: samples.rows.map((r) => r.document_id), loadSeconds: 0, indexSeconds: 0 };
}

async function runEngine(engine: string) {
  const { database, drop } = await openEngine(engine);
  try {
    await migrateToLatest(database.db);
    process.stderr.write(`${engine}: ${REUSE ? `re-using ${REUSE}` : `loading ${DOCS} documents…`}\n`);
    const corpus: Corpus & { loadSeconds: number; indexSeconds: number } = REUSE ? await keptCorpus(database) : await loadCorpus(database.db, DOCS, 2024);
    if (engine === 'postgres' && !REUSE) await sql`VACUUM ANALYZE search_documents`.execute(database.db);
    const repo = new PgSearchRepository(database.db);
    const keys: ReaderKey[] = ['user:00000000-0000-4000-8000-000000000001', 'staff', 'role:clerk'];
    const rand = prng(7);
    const phrases = Array.from({ length: QUERIES }, () => queryPhrase(rand));
    const request = (q: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({ agencyId: corpus.queried, readerKeys: keys, ...parseQuery(q), limit: 10, offset: 0, ...extra });
    const filters = (i: number): Partial<SearchRequest> => {
      const f = i % 4;
      if (f === 0) return { typeCode: pick(rand, TYPES)[0] };
      if (f === 1) return { issuedFrom: '2024-01-01', issuedTo: '2024-12-31' };
      if (f === 2) return { status: 'finished', kind: 'incoming' };
      return { organTerms: parseQuery(pick(rand, ORGANS).split(' tỉnh')[0]!).terms };
    };
    let hits = 0;
    const find = async (r: SearchRequest) => { hits += (await repo.find(r)).hits.length; };
    const baseline = await timeAll(corpus.sampleIds.slice(0, 200), (id) =>
      database.db.selectFrom('search_documents').selectAll().where('kind', 'in', ['incoming', 'outgoing']).where('document_id', '=', id).executeTakeFirst());
    const results: Record<string, unknown> = {};
    const measure = async (label: string, requests: SearchRequest[]) => {
      hits = 0;
      const t = await timeAll(requests, find);
      results[label] = { ...t, p50VsBaseline: round(t.p50 / baseline.p50), p95VsBaseline: round(t.p95 / baseline.p95), meanHits: round(hits / (requests.length + 5)) };
    };
    await measure('unaccented', phrases.map((p) => request(fold(p))));
    await measure('accented', phrases.map((p) => request(p)));
    await measure('filtered', phrases.map((p, i) => request(fold(p), filters(i))));
    const sug = await timeAll(phrases.map((p) => fold(p).slice(0, Math.max(4, fold(p).length - 3))), (q) =>
      repo.suggest({ agencyId: corpus.queried, readerKeys: keys, ...parseQuery(q), limit: 8 }));
    results.suggest = { ...sug, p50VsBaseline: round(sug.p50 / baseline.p50), p95VsBaseline: round(sug.p95 / baseline.p95) };
    if (EXPLAIN) {
      await explain(database, 'unaccented', request(fold(phrases[0]!)));
      await explain(database, 'accented', request(phrases[1]!));
      await explain(database, 'filtered', request(fold(phrases[2]!), filters(1)));
    }
    return { loadSeconds: round(corpus.loadSeconds), indexSeconds: round(corpus.indexSeconds), baselinePrimaryKeyLookup: baseline, ...results };
  } finally {
    await database.close();
    await drop();
  }
}

const out: Record<string, unknown> = {
  benchmark: 'search',
  docs: DOCS,
  agencies: 20,
  queriedAgencyShare: QUERIED_SHARE,
  queriesPerKind: QUERIES,
  unit: 'ms',
  note: 'top-10 page with the number of matches (one query), as GET /api/search runs it; searcher is a clerk of the largest agency',
  engines: {} as Record<string, unknown>,
};
for (const engine of ENGINES) (out.engines as Record<string, unknown>)[engine] = await runEngine(engine);
out.loadAverage = loadavg().map(round);
console.log(JSON.stringify(out, null, 2));
