import { sql, type Kysely } from 'kysely';

// How far a peer's signing certificate is checked (exchange.md §2.7): `registered` = it must be the
// registered certificate; `chain` = also chain to a configured trust anchor; `chain-revocation` =
// also not revoked by a current CRL (none → indeterminate, retried). Existing peers keep `registered`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE hub_peers ADD COLUMN certificate_check text NOT NULL DEFAULT 'registered'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE hub_peers DROP COLUMN IF EXISTS certificate_check`.execute(db);
}
