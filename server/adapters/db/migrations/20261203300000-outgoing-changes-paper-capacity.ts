import { sql, type Kysely } from 'kysely';

// Outgoing documents, second part (domain.md §5.3, §7.2 steps 6 and 11, §9): paper recipients outside the
// exchange, updates (type 2) and replacements (type 3) of issued documents, and the signing capacities
// each agency grants (TM., KT., Q., TL., TUQ.).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE outgoing_recipients DROP CONSTRAINT outgoing_recipients_kind_check`.execute(db);
  await sql`ALTER TABLE outgoing_recipients ADD CONSTRAINT outgoing_recipients_kind_check CHECK (kind IN ('agency','unit','paper'))`.execute(db);
  await sql`ALTER TABLE outgoing_recipients ADD COLUMN address text`.execute(db);
  await sql`ALTER TABLE outgoing_recipients ADD COLUMN paper_sent_at timestamptz`.execute(db);
  await sql`ALTER TABLE outgoing_recipients ADD COLUMN delivered_at timestamptz`.execute(db);

  // A replacing document names the issued one it replaces; the replaced one, once the replacement is issued, names it back.
  await sql`ALTER TABLE outgoing_documents ADD COLUMN replaces_document_id uuid REFERENCES outgoing_documents(id)`.execute(db);
  await sql`ALTER TABLE outgoing_documents ADD COLUMN replaced_by_id uuid REFERENCES outgoing_documents(id)`.execute(db);

  await sql`CREATE TABLE outgoing_changes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq bigserial NOT NULL,
    document_id uuid NOT NULL REFERENCES outgoing_documents(id),
    kind text NOT NULL CHECK (kind IN ('update','replace')),
    reason text NOT NULL,
    changes jsonb NOT NULL DEFAULT '[]'::jsonb,
    added_recipients jsonb NOT NULL DEFAULT '[]'::jsonb,
    replacement_id uuid REFERENCES outgoing_documents(id),
    package_id uuid,
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX outgoing_changes_document_idx ON outgoing_changes (document_id, seq)`.execute(db);

  await sql`CREATE TABLE outgoing_signing_grants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    user_id uuid NOT NULL REFERENCES users(id),
    capacity text NOT NULL CHECK (capacity IN ('TM.','KT.','Q.','TL.','TUQ.')),
    type_codes jsonb,
    valid_from date,
    valid_until date,
    reference text,
    granted_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL,
    revoked_at timestamptz,
    CHECK (capacity <> 'TUQ.' OR (valid_from IS NOT NULL AND valid_until IS NOT NULL AND reference IS NOT NULL))
  )`.execute(db);
  await sql`CREATE INDEX outgoing_signing_grants_user_idx ON outgoing_signing_grants (agency_id, user_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS outgoing_signing_grants`.execute(db);
  await sql`DROP TABLE IF EXISTS outgoing_changes`.execute(db);
  await sql`ALTER TABLE outgoing_documents DROP COLUMN replaced_by_id, DROP COLUMN replaces_document_id`.execute(db);
  await sql`ALTER TABLE outgoing_recipients DROP COLUMN delivered_at, DROP COLUMN paper_sent_at, DROP COLUMN address`.execute(db);
}
