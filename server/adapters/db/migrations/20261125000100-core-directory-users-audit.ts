import { sql, type Kysely } from 'kysely';

// Agencies, codes, units, users, roles, sessions and the hash-chained audit log.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  // unaccent() is only STABLE; this wrapper pins the dictionary so it can be indexed.
  await sql`CREATE OR REPLACE FUNCTION lt_fold(input text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, replace(replace(input, 'đ', 'd'), 'Đ', 'D'))) $$`.execute(db);

  await sql`CREATE TABLE agencies (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    short_name text NOT NULL,
    abbreviation text,
    level text NOT NULL CHECK (level IN ('province','provincial_agency','district','district_office','commune')),
    parent_id uuid REFERENCES agencies(id),
    served_by_id uuid REFERENCES agencies(id),
    place_name text,
    address text,
    contact_email text,
    existed_from date,
    existed_to date,
    active boolean NOT NULL DEFAULT true,
    note text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX agencies_name_key ON agencies (lower(name))`.execute(db);
  await sql`CREATE INDEX agencies_parent_idx ON agencies (parent_id)`.execute(db);
  await sql`CREATE INDEX agencies_fold_trgm ON agencies USING gin (lt_fold(name || ' ' || short_name) gin_trgm_ops)`.execute(db);

  await sql`CREATE TABLE agency_codes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    code text NOT NULL,
    valid_from date NOT NULL,
    valid_to date,
    is_sample boolean NOT NULL DEFAULT false,
    source text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
  )`.execute(db);
  // One open code per agency, and an open code names one agency.
  await sql`CREATE UNIQUE INDEX agency_codes_open_code ON agency_codes (code) WHERE valid_to IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX agency_codes_open_agency ON agency_codes (agency_id) WHERE valid_to IS NULL`.execute(db);

  await sql`CREATE TABLE units (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    parent_id uuid REFERENCES units(id),
    name text NOT NULL,
    abbreviation text,
    is_focal_point boolean NOT NULL DEFAULT false,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX units_agency_name_key ON units (agency_id, lower(name))`.execute(db);
  await sql`CREATE UNIQUE INDEX units_one_focal_point ON units (agency_id) WHERE is_focal_point`.execute(db);

  await sql`CREATE TABLE users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    unit_id uuid REFERENCES units(id),
    username text NOT NULL,
    full_name text NOT NULL,
    title text NOT NULL DEFAULT '',
    email text,
    password_hash text,
    active boolean NOT NULL DEFAULT true,
    must_change_password boolean NOT NULL DEFAULT false,
    failed_logins integer NOT NULL DEFAULT 0,
    locked_until timestamptz,
    password_changed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`.execute(db);
  await sql`CREATE INDEX users_agency_idx ON users (agency_id)`.execute(db);

  await sql`CREATE TABLE user_roles (
    user_id uuid NOT NULL REFERENCES users(id),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    role text NOT NULL CHECK (role IN ('clerk','leader','deputy_leader','head_of_unit','specialist','agency_admin','provincial_supervisor','system_operator')),
    PRIMARY KEY (user_id, agency_id, role)
  )`.execute(db);

  await sql`CREATE TABLE sessions (
    id text PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users(id),
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    ip text,
    user_agent text
  )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions (user_id)`.execute(db);

  await sql`CREATE TABLE audit_events (
    seq bigint PRIMARY KEY,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    occurred_at timestamptz NOT NULL,
    type text NOT NULL,
    actor_user_id uuid,
    actor_agency_id uuid,
    agency_id uuid,
    subject_type text NOT NULL,
    subject_id text NOT NULL,
    data jsonb NOT NULL DEFAULT '{}'::jsonb,
    prev_hash text NOT NULL,
    hash text NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id)`.execute(db);
  await sql`CREATE INDEX audit_events_agency_idx ON audit_events (agency_id, occurred_at)`.execute(db);
  // The chain head is one row: taking it FOR UPDATE serialises appends across app nodes.
  await sql`CREATE TABLE audit_chain_head (
    id integer PRIMARY KEY CHECK (id = 1),
    last_seq bigint NOT NULL,
    last_hash text NOT NULL
  )`.execute(db);
  await sql`INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, 0, ${'0'.repeat(64)})`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_chain_head', 'audit_events', 'sessions', 'user_roles', 'users', 'units', 'agency_codes', 'agencies']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS lt_fold(text)`.execute(db);
}
