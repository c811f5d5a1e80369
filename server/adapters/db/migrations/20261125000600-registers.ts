import { sql, type Kysely } from 'kysely';

// Registers (domain.md §6.3), their yearly counters and every number handed out (§6.2). A register
// numbers from its `year` on; each year is its own series in register_counters, restarting at 01.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE registers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    direction text NOT NULL CHECK (direction IN ('outgoing','incoming','copy')),
    name text NOT NULL,
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    type_codes jsonb NOT NULL DEFAULT '[]'::jsonb,
    notation_pattern text,
    volume integer NOT NULL DEFAULT 1 CHECK (volume >= 1),
    state text NOT NULL DEFAULT 'open' CHECK (state IN ('open','closed')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((direction = 'incoming') = (notation_pattern IS NULL))
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX registers_agency_name_key ON registers (agency_id, year, lower(name))`.execute(db);

  // One row per (register, year): the yearly series restarts at 01 because a new year is a new row.
  await sql`CREATE TABLE register_counters (
    register_id uuid NOT NULL REFERENCES registers(id),
    year integer NOT NULL,
    next_number integer NOT NULL CHECK (next_number >= 1),
    PRIMARY KEY (register_id, year)
  )`.execute(db);

  // Every number handed out stays here; abandoning one marks it void with its reason, never deletes it.
  await sql`CREATE TABLE register_numbers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    register_id uuid NOT NULL REFERENCES registers(id),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    year integer NOT NULL,
    number integer NOT NULL CHECK (number >= 1),
    code_number text NOT NULL,
    code_notation text,
    allocated_at timestamptz NOT NULL,
    allocated_by uuid REFERENCES users(id),
    subject_type text,
    subject_id text,
    voided_at timestamptz,
    voided_by uuid REFERENCES users(id),
    void_reason text,
    CHECK ((voided_at IS NULL) = (void_reason IS NULL)),
    UNIQUE (register_id, year, number)
  )`.execute(db);
  // (number, notation) is unique per agency per year (§6.2.2), whichever register gave it.
  await sql`CREATE UNIQUE INDEX register_numbers_code_key ON register_numbers (agency_id, year, number, code_notation) WHERE code_notation IS NOT NULL`.execute(db);
  await sql`CREATE INDEX register_numbers_subject_idx ON register_numbers (subject_type, subject_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['register_numbers', 'register_counters', 'registers']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
