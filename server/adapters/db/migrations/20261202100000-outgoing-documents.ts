import { sql, type Kysely } from 'kysely';

// Outgoing documents (văn bản đi, domain.md §7): drafts with every version kept, the review history,
// recipients with their business status, the status events that moved it, and each agency's review chain.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE outgoing_documents (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    state text NOT NULL,
    type_code text NOT NULL,
    subject text NOT NULL,
    urgency text NOT NULL DEFAULT 'normal',
    drafting_unit_id uuid REFERENCES units(id),
    drafter_id uuid NOT NULL REFERENCES users(id),
    signer_id uuid REFERENCES users(id),
    signer_capacity text,
    to_places text NOT NULL DEFAULT '',
    reply_by date,
    copies integer,
    response_for_incoming_id uuid,
    main_file_id uuid REFERENCES files(id),
    attachment_file_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
    version integer NOT NULL DEFAULT 1,
    review_chain jsonb NOT NULL DEFAULT '[]'::jsonb,
    review_step integer NOT NULL DEFAULT 0,
    signed_at timestamptz,
    signed_by uuid REFERENCES users(id),
    signed_file_id uuid REFERENCES files(id),
    register_id uuid REFERENCES registers(id),
    number_id uuid REFERENCES register_numbers(id),
    code_number text,
    code_notation text,
    issued_date date,
    issue_step text,
    issue_started_by uuid REFERENCES users(id),
    stamped_file_id uuid REFERENCES files(id),
    final_main_file_id uuid REFERENCES files(id),
    final_main_sha256 text,
    final_attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
    registered_at timestamptz,
    package_id text,
    package_sha256 text,
    package_size integer,
    edxml_document_id text,
    issued_at timestamptz,
    sent_at timestamptz,
    recall_reason text,
    recalled_at timestamptz,
    recalled_by uuid REFERENCES users(id),
    recall_package_id text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )`.execute(db);
  // One number per document, ever: a retried issue finds the number its first run took.
  await sql`CREATE UNIQUE INDEX outgoing_documents_number_key ON outgoing_documents (number_id) WHERE number_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX outgoing_documents_agency_idx ON outgoing_documents (agency_id, state, updated_at)`.execute(db);
  await sql`CREATE INDEX outgoing_documents_edxml_idx ON outgoing_documents (edxml_document_id)`.execute(db);

  await sql`CREATE TABLE outgoing_versions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    document_id uuid NOT NULL REFERENCES outgoing_documents(id),
    version integer NOT NULL,
    fields jsonb NOT NULL,
    main_file_id uuid REFERENCES files(id),
    attachment_file_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL,
    UNIQUE (document_id, version)
  )`.execute(db);

  await sql`CREATE TABLE outgoing_reviews (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq bigserial NOT NULL,
    document_id uuid NOT NULL REFERENCES outgoing_documents(id),
    version integer NOT NULL,
    step integer,
    action text NOT NULL,
    actor_id uuid NOT NULL REFERENCES users(id),
    comment text,
    acted_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX outgoing_reviews_document_idx ON outgoing_reviews (document_id, acted_at)`.execute(db);

  await sql`CREATE TABLE outgoing_recipients (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    document_id uuid NOT NULL REFERENCES outgoing_documents(id),
    kind text NOT NULL CHECK (kind IN ('agency','unit')),
    recipient_agency_id uuid REFERENCES agencies(id),
    unit_id uuid REFERENCES units(id),
    name text NOT NULL,
    organ_code text,
    business_status text,
    status_description text,
    status_at timestamptz,
    refused_reason text,
    change_open text,
    change_answer text,
    change_answer_reason text,
    change_answered_at timestamptz,
    CHECK ((kind = 'agency') = (recipient_agency_id IS NOT NULL)),
    CHECK ((kind = 'unit') = (unit_id IS NOT NULL))
  )`.execute(db);
  await sql`CREATE INDEX outgoing_recipients_document_idx ON outgoing_recipients (document_id)`.execute(db);

  await sql`CREATE TABLE outgoing_recipient_events (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq bigserial NOT NULL,
    document_id uuid NOT NULL REFERENCES outgoing_documents(id),
    recipient_id uuid NOT NULL REFERENCES outgoing_recipients(id),
    status_code text NOT NULL,
    description text,
    occurred_at timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    inbox_id uuid,
    outcome text NOT NULL CHECK (outcome IN ('applied','late','flagged')),
    note text
  )`.execute(db);
  await sql`CREATE INDEX outgoing_recipient_events_document_idx ON outgoing_recipient_events (document_id, occurred_at)`.execute(db);

  await sql`CREATE TABLE outgoing_review_chains (
    agency_id uuid PRIMARY KEY REFERENCES agencies(id),
    steps jsonb NOT NULL,
    updated_by uuid REFERENCES users(id),
    updated_at timestamptz NOT NULL
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['outgoing_review_chains', 'outgoing_recipient_events', 'outgoing_recipients', 'outgoing_reviews', 'outgoing_versions', 'outgoing_documents']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
  }
}
