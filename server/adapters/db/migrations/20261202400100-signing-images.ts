import { sql, type Kysely } from 'kysely';

// Seal image per agency and handwritten-signature image per signer (PNG), each valid for a period:
// the image in force on the signing date is drawn; none means the generated fallback (issue 4).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE signing_images (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    user_id uuid REFERENCES users(id),
    kind text NOT NULL CHECK (kind IN ('seal', 'signature')),
    png text NOT NULL,
    sha256 text NOT NULL,
    width integer NOT NULL CHECK (width > 0),
    height integer NOT NULL CHECK (height > 0),
    diameter_mm numeric(5, 1) CHECK (diameter_mm IS NULL OR diameter_mm BETWEEN 10 AND 80),
    valid_from date NOT NULL,
    valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'signature') = (user_id IS NOT NULL))
  )`.execute(db);
  await sql`CREATE INDEX signing_images_owner_idx ON signing_images (agency_id, kind, user_id, valid_from)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS signing_images`.execute(db);
}
