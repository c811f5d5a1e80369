import { sql, type Kysely } from 'kysely';

/**
 * Delegation (domain.md §4.3): while a leader (or deputy) is away, from `starts_at` to `ends_at`, a
 * colleague of the same agency directs the incoming documents waiting for them; actions are recorded
 * "X thay mặt Y". Set by the absent person or by the agency administrator; cancelling keeps the row
 * (`cancelled_at`), so the record of who could act when stays readable.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE delegations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    principal_user_id uuid NOT NULL REFERENCES users(id),
    delegate_user_id uuid NOT NULL REFERENCES users(id),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 500),
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    cancelled_at timestamptz,
    cancelled_by uuid REFERENCES users(id),
    CHECK (ends_at > starts_at),
    CHECK (principal_user_id <> delegate_user_id)
  )`.execute(db);
  await sql`CREATE INDEX delegations_principal_idx ON delegations (principal_user_id, starts_at)`.execute(db);
  await sql`CREATE INDEX delegations_agency_idx ON delegations (agency_id, starts_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS delegations`.execute(db);
}
