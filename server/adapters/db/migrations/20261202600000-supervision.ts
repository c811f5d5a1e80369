import { sql, type Kysely } from 'kysely';

// Supervision (domain.md §15): the fact log the document workflows write in their own transactions,
// the report archive (frozen snapshots with their files) and the supervisors' comments.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Custody and dead deliveries are read from the hub's tables; only demo rows may carry them here.
  await sql`CREATE TABLE supervision_facts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    kind text NOT NULL CHECK (kind IN ('outgoing.issued','outgoing.custody','outgoing.paper_sent','outgoing.refused_by_receiver',
      'outgoing.recall_sent','outgoing.change_answered','incoming.arrived','incoming.registered','incoming.refused',
      'incoming.deadline_set','incoming.deadline_extended','incoming.finished','incoming.cancelled','delivery.failed')),
    document_key text NOT NULL,
    occurred_at timestamptz NOT NULL,
    data jsonb NOT NULL DEFAULT '{}'::jsonb,
    demo boolean NOT NULL DEFAULT false,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CHECK (demo OR kind NOT IN ('outgoing.custody','delivery.failed'))
  )`.execute(db);
  await sql`CREATE INDEX supervision_facts_time_idx ON supervision_facts (occurred_at)`.execute(db);
  await sql`CREATE INDEX supervision_facts_agency_idx ON supervision_facts (agency_id, occurred_at)`.execute(db);

  await sql`CREATE TABLE supervision_reports (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    preset text NOT NULL CHECK (preset IN ('half_year','annual','custom')),
    period_start date NOT NULL,
    period_end date NOT NULL,
    as_of timestamptz NOT NULL,
    definition_version text NOT NULL,
    generated_at timestamptz NOT NULL,
    generated_by uuid REFERENCES users(id),
    trigger text NOT NULL CHECK (trigger IN ('schedule','demand')),
    snapshot jsonb NOT NULL,
    xlsx bytea NOT NULL,
    pdf bytea NOT NULL,
    CHECK (period_end >= period_start)
  )`.execute(db);
  await sql`CREATE INDEX supervision_reports_period_idx ON supervision_reports (period_start, period_end, generated_at)`.execute(db);

  await sql`CREATE TABLE supervision_comments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    period_start date NOT NULL,
    period_end date NOT NULL,
    agency_id uuid REFERENCES agencies(id),
    author_id uuid NOT NULL REFERENCES users(id),
    body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX supervision_comments_period_idx ON supervision_comments (period_start, period_end)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['supervision_comments', 'supervision_reports', 'supervision_facts']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
