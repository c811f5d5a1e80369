import { sql, type Kysely } from 'kysely';

// Signing keys (certificate chain in clear, private key only encrypted under SIGNING_KEK), trust
// anchors and revocation sources (issue 4). One active key per agency seal and per signer.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE signing_keys (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    user_id uuid REFERENCES users(id),
    kind text NOT NULL CHECK (kind IN ('organisation', 'personal')),
    source text NOT NULL CHECK (source IN ('test-ca', 'pkcs12')),
    certificate_chain jsonb NOT NULL,
    encrypted_key jsonb NOT NULL,
    subject text NOT NULL,
    issuer text NOT NULL,
    serial text NOT NULL,
    not_before timestamptz NOT NULL,
    not_after timestamptz NOT NULL,
    active boolean NOT NULL DEFAULT true,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'personal') = (user_id IS NOT NULL))
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys (agency_id, kind, COALESCE(user_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE active`.execute(db);
  await sql`CREATE TABLE signing_trust_anchors (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    kind text NOT NULL CHECK (kind IN ('root', 'intermediate')),
    certificate text NOT NULL,
    fingerprint text NOT NULL UNIQUE,
    subject text NOT NULL,
    issuer text NOT NULL,
    serial text NOT NULL,
    not_before timestamptz NOT NULL,
    not_after timestamptz NOT NULL,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE TABLE signing_revocation_sources (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    url text UNIQUE,
    crl text,
    issuer text,
    this_update timestamptz,
    next_update timestamptz,
    fetched_at timestamptz,
    last_error text,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (url IS NOT NULL OR crl IS NOT NULL)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS signing_revocation_sources`.execute(db);
  await sql`DROP TABLE IF EXISTS signing_trust_anchors`.execute(db);
  await sql`DROP TABLE IF EXISTS signing_keys`.execute(db);
}
