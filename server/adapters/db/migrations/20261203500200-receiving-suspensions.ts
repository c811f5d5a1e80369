import { sql, type Kysely } from 'kysely';

/**
 * R15 "receiving suspended by the operator" (domain.md §15.2): the system operator records that an
 * agency does not receive through the system from a date (a merger in progress, a broken connection,
 * an agency being dissolved), until a date or until further notice. The report counts an agency as
 * not connected at T when a suspension covers date(T) (local): starts_on ≤ date(T) ≤ ends_on.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE agency_receiving_suspensions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    starts_on date NOT NULL,
    ends_on date,
    reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
  )`.execute(db);
  await sql`CREATE INDEX agency_receiving_suspensions_agency_idx ON agency_receiving_suspensions (agency_id, starts_on)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS agency_receiving_suspensions`.execute(db);
}
