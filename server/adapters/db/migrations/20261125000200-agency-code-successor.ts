import { sql, type Kysely } from 'kysely';

// exchange.md §6.4: a closed code names its successor(s), so history reads "H04 → H12".
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE agency_codes ADD COLUMN successor_code text`.execute(db);
  await sql`CREATE INDEX agency_codes_code_idx ON agency_codes (code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS agency_codes_code_idx`.execute(db);
  await sql`ALTER TABLE agency_codes DROP COLUMN IF EXISTS successor_code`.execute(db);
}
