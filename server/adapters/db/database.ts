import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { PGlitePool } from './pglite-pool.ts';
import type { DB } from './schema.ts';

// Same value shapes on both engines: int8 and dates as the tests expect them.
pg.types.setTypeParser(20, (v) => Number(v)); // int8 → number (counts, ids; never above 2^53 here)
pg.types.setTypeParser(1082, (v) => v); // date → 'YYYY-MM-DD' string, never a local-midnight Date

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** Raw pool (pg.Pool or the PGlite look-alike) for pg-boss and scripts. */
  pool: pg.Pool | PGlitePool;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; max?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.max ?? 10 });
    // An idle connection ended by the server (restart, failover, pg_terminate_backend) is an 'error'
    // event on the pool; without a listener it is an uncaught exception that stops the process.
    // node-postgres has already discarded that client; the next query opens a new connection.
    pool.on('error', (error) => {
      process.stderr.write(`lienthong: an idle PostgreSQL connection was closed by the server (${error.message}); it will be reopened\n`);
    });
    // Fail now, with the variable named, rather than on the first request.
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new Error(`DATABASE_URL: cannot connect to PostgreSQL (${(error as Error).message})`, { cause: error });
    }
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  const lock = target.kind === 'pglite' ? lockDataDir(target.dataDir) : undefined;
  try {
    // Loaded only for the embedded engine: a PostgreSQL deployment never holds PGlite's code (~30 MB resident).
    const [{ PGlite }, { btree_gin }, { pg_trgm }, { unaccent }] = await Promise.all([
      import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/btree_gin'), import('@electric-sql/pglite/contrib/pg_trgm'), import('@electric-sql/pglite/contrib/unaccent'),
    ]);
    const pglite = await PGlite.create({
      dataDir: target.kind === 'pglite' ? path.join(target.dataDir, 'pg') : undefined,
      extensions: { unaccent, pg_trgm, btree_gin },
      parsers: { 20: (v: string) => Number(v), 1082: (v: string) => v },
    });
    const pool = new PGlitePool(pglite);
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
    });
    return {
      db,
      kind: 'pglite',
      pool,
      close: async () => {
        await db.destroy();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

export function targetFromConfig(config: { databaseUrl: string | undefined; dataDir: string }): DatabaseTarget {
  return config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir };
}
