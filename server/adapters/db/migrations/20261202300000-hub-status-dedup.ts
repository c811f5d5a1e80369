import { sql, type Kysely } from 'kysely';

// Status packages are also deduplicated on (From/OrganId, ResponseFor/DocumentId, StatusCode,
// Timestamp) (exchange.md §4.2): a status re-sent under a new package id is the same status.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE hub_outbox ADD COLUMN status_key text`.execute(db);
  await sql`CREATE UNIQUE INDEX hub_outbox_status_key ON hub_outbox (status_key) WHERE status_key IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS hub_outbox_status_key`.execute(db);
  await sql`ALTER TABLE hub_outbox DROP COLUMN IF EXISTS status_key`.execute(db);
}
