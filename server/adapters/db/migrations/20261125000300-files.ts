import { sql, type Kysely } from 'kysely';

// One row per upload: the bytes live once in the content-addressed store, a row says whose they are.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE files (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size bigint NOT NULL CHECK (size >= 0),
    media_type text NOT NULL,
    original_name text NOT NULL,
    uploaded_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX files_agency_idx ON files (agency_id, created_at)`.execute(db);
  await sql`CREATE INDEX files_sha256_idx ON files (sha256)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS files`.execute(db);
}
