import pg from 'pg';
import { expect, it } from 'vitest';
import { openDatabase } from '../../server/adapters/db/database.ts';
import { createPostgresDatabase } from './harness.ts';

// A PostgreSQL restart or an administrator ending idle connections must not stop the process
// (before the pool had an 'error' listener, it was an uncaught exception).
it.skipIf(!process.env.TEST_DATABASE_URL)('[postgres] an idle connection ended by the server is replaced; the process keeps running and the next query works', async () => {
  const created = await createPostgresDatabase('lt_idle');
  const database = await openDatabase({ kind: 'postgres', url: created.url, max: 2 });
  const uncaught: unknown[] = [];
  const onUncaught = (e: unknown) => uncaught.push(e);
  process.on('uncaughtException', onUncaught);
  try {
    await database.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = new URL(created.url).pathname.slice(1);
    const ended = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await admin.end();
    expect(ended.rowCount).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(uncaught).toEqual([]);
    const row = await database.db.selectNoFrom((eb) => eb.val(2).as('two')).executeTakeFirstOrThrow();
    expect(Number(row.two)).toBe(2);
  } finally {
    process.off('uncaughtException', onUncaught);
    await database.close();
    await created.drop();
  }
});
