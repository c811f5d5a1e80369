import { sql, type Kysely } from 'kysely';

// A signing key row is found by its owner's ids (agency_id, user_id), but its private key was
// encrypted with associated data naming the agency's identifier code at the time; after the agency
// got a new code (agency-code-successor) the key could no longer be opened. The associated data is
// now kept with the row (key_aad), so decryption no longer depends on the current code. Existing
// rows are backfilled from the code they were encrypted under: the agency's open code (else its
// latest) and the signer's username.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE signing_keys ADD COLUMN key_aad text`.execute(db);
  await sql`UPDATE signing_keys k SET key_aad = 'lienthong-signing-key:' || CASE
      WHEN k.kind = 'personal' THEN 'personal:' || c.code || ':' || u.username
      ELSE 'organisation:' || c.code END
    FROM (
      SELECT DISTINCT ON (agency_id) agency_id, code FROM agency_codes
      ORDER BY agency_id, (valid_to IS NULL) DESC, valid_from DESC
    ) c, signing_keys k2 LEFT JOIN users u ON u.id = k2.user_id
    WHERE c.agency_id = k.agency_id AND k2.id = k.id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE signing_keys DROP COLUMN IF EXISTS key_aad`.execute(db);
}
