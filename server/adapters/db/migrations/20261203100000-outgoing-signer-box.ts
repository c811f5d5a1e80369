import { sql, type Kysely } from 'kysely';

// Where the competent signer's image goes on this document (box 7c, domain.md §10.2), chosen by the
// drafter or the signer: { page (1-based, null = last), x, y, width, height } in PDF points. Null:
// the standard box on the last page.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE outgoing_documents ADD COLUMN signer_box jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE outgoing_documents DROP COLUMN IF EXISTS signer_box`.execute(db);
}
