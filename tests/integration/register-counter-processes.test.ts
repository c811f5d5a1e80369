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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { argon2Hasher } from '../../server/adapters/auth/argon2-hasher.ts';
import { seedDemo } from '../../server/adapters/db/seed/seed-demo.ts';
import { LocalFileStore } from '../../server/adapters/storage/local-file-store.ts';
import { samplePdf } from '../../server/adapters/signing/testing/test-pki.ts';
import { createDefaultRegisters } from '../../server/app/registers/create-register.ts';

/**
 * Issue 6 acceptance, at the counter level: 50 numbers taken at the same moment by 4 server
 * processes on one PostgreSQL are exactly 1..50. PGlite is one process by design, so this suite
 * exists for PostgreSQL only and runs when TEST_DATABASE_URL is set.
 */
const BASE_URL = process.env.TEST_DATABASE_URL;
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'allocate-numbers.ts');
const ISSUE_FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'issue-documents.ts');
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

function startWorker(url: string, registerId: string, count: number, script = FIXTURE, args: string[] = [url, registerId, String(count)]) {
  const child = spawn(process.execPath, ['--import', 'tsx/esm', script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
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

  it('50 documents issued at the same moment by 4 processes (the issue use case) get numbers 1..50, one each', async () => {
    // Its own database: the demo province is seeded here, unlike the bare agency above.
    const name2 = `${name}_issue`;
    await admin(`CREATE DATABASE ${name2}`);
    const u2 = new URL(BASE_URL!);
    u2.pathname = `/${name2}`;
    const url2 = u2.toString();
    const own = await openDatabase({ kind: 'postgres', url: url2, max: 2 });
    const db = own.db;
    await migrateToLatest(db);
    await seedDemo(db, { hasher: argon2Hasher, clock: systemClock });
    const agency = await db.selectFrom('agencies').select('id').where('name', '=', 'Sở Nội vụ tỉnh Bạc Liêu').executeTakeFirstOrThrow();
    const stc = await db.selectFrom('agencies').select(['id', 'name']).where('name', '=', 'Sở Tài chính tỉnh Bạc Liêu').executeTakeFirstOrThrow();
    await new PgUnitOfWork(db, systemClock).run((tx) => createDefaultRegisters(tx, { clock: systemClock }, null, agency.id));
    const user = async (username: string) => (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    const [drafter, leader, clerk] = [await user('chuyenvien.snv'), await user('giamdoc.snv'), await user('vanthu.snv')];
    const fileDir = mkdtempSync(path.join(tmpdir(), 'lt-issue-4p-'));
    try {
      const stored = await new LocalFileStore(fileDir).put(Readable.from([Buffer.from(await samplePdf())]), { maxBytes: 1 << 20 });
      const file = await db.insertInto('files').values({ agency_id: agency.id, sha256: stored.sha256, size: stored.size, media_type: stored.mediaType, original_name: 'ky.pdf', uploaded_by: leader }).returning('id').executeTakeFirstOrThrow();
      const now = new Date();
      const ids: string[] = [];
      for (let i = 0; i < TOTAL; i++) {
        const doc = await db.insertInto('outgoing_documents').values({
          agency_id: agency.id, state: 'signed', type_code: 'decision', subject: `Quyết định số thứ tự ${i + 1}`, urgency: 'normal', drafting_unit_id: null,
          drafter_id: drafter, signer_id: leader, signer_capacity: null, to_places: '', reply_by: null, copies: null, response_for_incoming_id: null,
          main_file_id: file.id, attachment_file_ids: '[]', signed_at: now, signed_by: leader, signed_file_id: file.id, created_at: now, updated_at: now,
        }).returning('id').executeTakeFirstOrThrow();
        await db.insertInto('outgoing_recipients').values({ document_id: doc.id, kind: 'agency', recipient_agency_id: stc.id, unit_id: null, name: stc.name }).execute();
        ids.push(doc.id);
      }
      const counts = Array.from({ length: PROCESSES }, (_, i) => Math.floor(TOTAL / PROCESSES) + (i < TOTAL % PROCESSES ? 1 : 0));
      let offset = 0;
      const workers = counts.map((n) => {
        const mine = ids.slice(offset, (offset += n));
        return startWorker(url2, '', n, ISSUE_FIXTURE, [url2, fileDir, clerk, mine.join(',')]);
      });
      children.push(...workers.map((w) => w.child));
      await Promise.all(workers.map((w) => w.ready));
      for (const w of workers) w.child.stdin.write('go\n');
      const all = (await Promise.all(workers.map((w) => w.done))).flat().sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
      const docs = await db.selectFrom('outgoing_documents').select(['state', 'number_id', 'package_id']).where('id', 'in', ids).execute();
      expect(docs.every((d) => d.state === 'issued')).toBe(true);
      expect(new Set(docs.map((d) => d.number_id)).size).toBe(TOTAL);
      const lines = await db.selectFrom('register_numbers').select('subject_id').where('subject_type', '=', 'outgoing_document').execute();
      expect(lines.map((l) => l.subject_id).sort()).toEqual([...ids].sort());
      const outbox = await db.selectFrom('hub_outbox').select('package_id').where('package_id', 'in', docs.map((d) => d.package_id!)).execute();
      expect(outbox).toHaveLength(TOTAL);
    } finally {
      rmSync(fileDir, { recursive: true, force: true });
      await own.close();
      await admin(`DROP DATABASE IF EXISTS ${name2} WITH (FORCE)`);
    }
  }, 300_000);
});
