import { sql, type Kysely } from 'kysely';

/** A digest of every table's content (sessions excepted): equal digests mean nothing was stored or changed. */
export async function snapshot(db: Kysely<any>): Promise<Record<string, string>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('sessions') ORDER BY 1`.execute(db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ digest: string | null }>`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${sql.table(name)} t`.execute(db);
    out[name] = r.rows[0]?.digest ?? '';
  }
  return out;
}
