import { sql, type Kysely } from 'kysely';

// An operator may abandon a dead letter (exchange.md §4.4): the delivery stays, in state `abandoned`,
// with who, when and why; later packages of the same document are no longer held behind it (§4.5).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE hub_deliveries DROP CONSTRAINT IF EXISTS hub_deliveries_state_check`.execute(db);
  await sql`ALTER TABLE hub_deliveries ADD CONSTRAINT hub_deliveries_state_check CHECK (state IN ('pending','sending','delivered','failed','dead','abandoned'))`.execute(db);
  await sql`ALTER TABLE hub_deliveries ADD COLUMN abandoned_reason text`.execute(db);
  await sql`ALTER TABLE hub_deliveries ADD COLUMN abandoned_by text`.execute(db);
  await sql`ALTER TABLE hub_deliveries ADD COLUMN abandoned_at timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE hub_deliveries DROP COLUMN IF EXISTS abandoned_at`.execute(db);
  await sql`ALTER TABLE hub_deliveries DROP COLUMN IF EXISTS abandoned_by`.execute(db);
  await sql`ALTER TABLE hub_deliveries DROP COLUMN IF EXISTS abandoned_reason`.execute(db);
}
