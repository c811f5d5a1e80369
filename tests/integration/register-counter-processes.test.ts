import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/adapters/db/database.ts';
import { migrateToLatest } from '../../server/adapters/db/migrator.ts';
import { PgUnitOfWork } from '../../server/adapters/db/unit-of-work.ts';
import { createRegister } from '../../server/app/registers/create-register.ts';
import { systemClock } from '../../server/app/ports/clock.ts';

/**
 * Issue 6 acceptance, at the counter level: 50 numbers taken at the same moment by 4 server
 * processes on one PostgreSQL are exactly 1..50. PGlite is one process by design, so this suite
 * exists for PostgreSQL only and runs when TEST_DATABASE_URL is set.
 */
const BASE_URL = process.env.TEST_DATABASE_URL;
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'allocate-numbers.ts');
const PROCESSES = 4;
const TOTAL = 50;

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function startWorker(url: string, registerId: string, count: number) {
  const child = spawn(process.execPath, ['--import', 'tsx/esm', FIXTURE, url, registerId, String(count)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    const check = () => (out.includes('ready\n') ? resolve() : undefined);
    child.stdout.on('data', check);
    child.on('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready: ${err}`)));
  });
  const done = new Promise<number[]>((resolve, reject) => {
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return reject(new Error(`worker failed (${code}): ${err}`));
      resolve((JSON.parse(line) as { numbers: number[] }).numbers);
    });
  });
  return { child, ready, done };
}

describe.skipIf(!BASE_URL)('[postgres] register counter across 4 server processes', () => {
  const name = `lt_test_${randomBytes(6).toString('hex')}`;
  let url = '';
  let database: Database | undefined;
  const children: ChildProcessWithoutNullStreams[] = [];

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const u = new URL(BASE_URL!);
    u.pathname = `/${name}`;
    url = u.toString();
    database = await openDatabase({ kind: 'postgres', url, max: 2 });
    await migrateToLatest(database.db);
  });

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill();
    await database?.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('50 numbers taken at the same moment by 4 processes are exactly 1..50', async () => {
    const db = database!.db;
    const agency = await db.insertInto('agencies').values({ name: 'Sở Nội vụ tỉnh Bạc Liêu', short_name: 'Sở Nội vụ', abbreviation: 'SNV', level: 'provincial_agency', parent_id: null, served_by_id: null, place_name: 'Bạc Liêu', address: null, contact_email: null, existed_from: null, existed_to: null, note: null }).returning('id').executeTakeFirstOrThrow();
    const register = await new PgUnitOfWork(db, systemClock).run((tx) => createRegister(tx, { clock: systemClock }, null, { agencyId: agency.id, direction: 'outgoing' }));

    // 13 + 13 + 12 + 12: every process starts on a year whose counter row does not exist yet.
    const counts = Array.from({ length: PROCESSES }, (_, i) => Math.floor(TOTAL / PROCESSES) + (i < TOTAL % PROCESSES ? 1 : 0));
    const workers = counts.map((n) => startWorker(url, register.id, n));
    children.push(...workers.map((w) => w.child));
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin.write('go\n');
    const perProcess = await Promise.all(workers.map((w) => w.done));

    expect(perProcess.map((n) => n.length)).toEqual(counts);
    const all = perProcess.flat().sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    const rows = await db.selectFrom('register_numbers').select(['number', 'code_number', 'code_notation']).where('register_id', '=', register.id).orderBy('number').execute();
    expect(rows.map((r) => r.number)).toEqual(all);
    expect(rows[0]).toEqual({ number: 1, code_number: '01', code_notation: 'QĐ-SNV' });
    const counter = await db.selectFrom('register_counters').select('next_number').where('register_id', '=', register.id).executeTakeFirstOrThrow();
    expect(counter.next_number).toBe(TOTAL + 1);
  }, 240_000);
});
