import { sql, type Kysely } from 'kysely';

// Change requests at the receiving organ (exchange.md §2.8, §3.3): a received revocation (type 1),
// update (type 2) or replacement (type 3) asks the clerk, who accepts (15) or refuses (16). One row
// per received package and target; a package whose target is unknown is parked for one TTL, then
// unmatched. The previous metadata of an accepted update is kept in the row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE incoming_change_requests (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    inbox_id uuid NOT NULL REFERENCES hub_inbox(id),
    package_id text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('revoke','update','replace')),
    target_document_id text NOT NULL,
    incoming_id uuid REFERENCES incoming_documents(id),
    replacement_id uuid REFERENCES incoming_documents(id),
    sender_code text NOT NULL,
    reason text,
    metadata jsonb,
    previous_metadata jsonb,
    state text NOT NULL CHECK (state IN ('parked','open','accepted','refused','unmatched')),
    answer_reason text,
    answered_by uuid REFERENCES users(id),
    answered_at timestamptz,
    received_at timestamptz NOT NULL,
    park_until timestamptz NOT NULL,
    UNIQUE (inbox_id, target_document_id)
  )`.execute(db);
  await sql`CREATE INDEX incoming_change_requests_target_idx ON incoming_change_requests (agency_id, target_document_id, state)`.execute(db);
  await sql`CREATE INDEX incoming_change_requests_incoming_idx ON incoming_change_requests (incoming_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS incoming_change_requests`.execute(db);
}
