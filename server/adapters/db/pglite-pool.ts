import type { PGlite, Results } from '@electric-sql/pglite';

/**
 * A pg.Pool look-alike over one PGlite instance, so Kysely's PostgresDialect (and anything else
 * written for node-postgres) runs unchanged on the embedded database. PGlite is single-connection:
 * a checked-out client holds a mutex until released, which keeps transactions exclusive.
 */
interface PgLikeResult {
  command: string;
  rowCount: number | null;
  rows: unknown[];
}

export class PGlitePool {
  private queue: Promise<void> = Promise.resolve();
  private ended = false;

  constructor(readonly pglite: PGlite) {}

  async connect(): Promise<PGliteClient> {
    if (this.ended) throw new Error('the embedded database is closed');
    let release!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return new PGliteClient(this.pglite, release);
  }

  async query(sql: string, params?: unknown[]): Promise<PgLikeResult> {
    const client = await this.connect();
    try {
      return await client.query(sql, params);
    } finally {
      client.release();
    }
  }

  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.queue;
    await this.pglite.close();
  }
}

export class PGliteClient {
  private released = false;
  constructor(
    private readonly pglite: PGlite,
    private readonly releaseLock: () => void,
  ) {}

  async query(sql: string | { text: string; values?: unknown[] }, params?: unknown[]): Promise<PgLikeResult> {
    const text = typeof sql === 'string' ? sql : sql.text;
    const values = typeof sql === 'string' ? params : sql.values;
    // Parameterless multi-statement scripts (migrations) go through exec.
    if (!values || values.length === 0) {
      if (isMultiStatement(text)) {
        const all = await this.pglite.exec(text);
        return toPg(all[all.length - 1]);
      }
    }
    return toPg(await this.pglite.query(text, values as unknown[] | undefined));
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.releaseLock();
  }
}

function isMultiStatement(text: string): boolean {
  const trimmed = text.trim().replace(/;\s*$/, '');
  return trimmed.includes(';');
}

function toPg(result: Results | undefined): PgLikeResult {
  if (!result) return { command: 'SELECT', rowCount: 0, rows: [] };
  const r = result as Results & { command?: string; rowCount?: number };
  return {
    command: r.command ?? 'SELECT',
    rowCount: r.rowCount ?? r.affectedRows ?? r.rows.length,
    rows: r.rows,
  };
}
