import { sql, type Kysely } from 'kysely';

// Incoming documents (domain.md §8): arrivals from the hub inbox or entered from paper, their files,
// their history, assignments with extensions, deadline defaults, case files, notifications and the
// reminders already sent (one per assignment, kind and deadline, so a polling job never repeats one).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE incoming_documents (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    state text NOT NULL CHECK (state IN ('arrived','refused','registered','awaiting_direction','assigned','in_progress','finished','filed_for_information','cancelled','replaced')),
    channel text NOT NULL CHECK (channel IN ('electronic','paper')),
    inbox_id uuid UNIQUE REFERENCES hub_inbox(id),
    package_id text,
    document_id text,
    sender_code text,
    receiver_code text,
    sender_name text NOT NULL,
    code_number text NOT NULL DEFAULT '',
    code_notation text NOT NULL DEFAULT '',
    promulgation_date text,
    type_name text NOT NULL DEFAULT '',
    subject text NOT NULL,
    signer_name text,
    due_date text,
    urgency text NOT NULL DEFAULT 'normal',
    received_at timestamptz NOT NULL,
    signature_status text NOT NULL CHECK (signature_status IN ('valid','invalid','indeterminate','unsigned','not_checked')),
    signature_details jsonb NOT NULL DEFAULT '[]'::jsonb,
    warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
    duplicate_of uuid REFERENCES incoming_documents(id),
    duplicate_reason text,
    register_id uuid REFERENCES registers(id),
    register_number_id uuid REFERENCES register_numbers(id),
    arrival_number integer,
    arrival_year integer,
    registered_at timestamptz,
    registered_by uuid REFERENCES users(id),
    refused_at timestamptz,
    refused_by uuid REFERENCES users(id),
    refusal_reason text,
    presented_to uuid REFERENCES users(id),
    exchange_state text NOT NULL DEFAULT 'none',
    first_passed_at timestamptz,
    finished_at timestamptz,
    outcome text,
    outcome_note text,
    created_by uuid REFERENCES users(id),
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX incoming_documents_agency_idx ON incoming_documents (agency_id, state, received_at)`.execute(db);
  await sql`CREATE INDEX incoming_documents_dup_idx ON incoming_documents (agency_id, sender_code, code_number, code_notation)`.execute(db);
  await sql`CREATE INDEX incoming_documents_docid_idx ON incoming_documents (agency_id, document_id)`.execute(db);
  await sql`CREATE UNIQUE INDEX incoming_documents_arrival_key ON incoming_documents (register_id, arrival_year, arrival_number) WHERE arrival_number IS NOT NULL`.execute(db);

  await sql`CREATE TABLE incoming_files (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    incoming_id uuid NOT NULL REFERENCES incoming_documents(id),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    role text NOT NULL CHECK (role IN ('attachment','working')),
    sha256 text NOT NULL,
    size bigint NOT NULL,
    media_type text NOT NULL,
    name text NOT NULL,
    description text,
    signature_status text,
    signature_details jsonb,
    uploaded_by uuid REFERENCES users(id),
    assignment_id uuid,
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX incoming_files_doc_idx ON incoming_files (incoming_id)`.execute(db);

  await sql`CREATE TABLE assignments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    incoming_id uuid NOT NULL REFERENCES incoming_documents(id),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    parent_id uuid REFERENCES assignments(id),
    kind text NOT NULL CHECK (kind IN ('lead','coordinating','informed')),
    assignee_unit_id uuid REFERENCES units(id),
    assignee_user_id uuid REFERENCES users(id),
    assigned_by uuid NOT NULL REFERENCES users(id),
    on_behalf_of uuid REFERENCES users(id),
    instruction text NOT NULL DEFAULT '',
    deadline text,
    state text NOT NULL CHECK (state IN ('pending','in_progress','done','returned','closed')),
    started_at timestamptz,
    finished_at timestamptz,
    finish_note text,
    created_at timestamptz NOT NULL,
    CHECK ((assignee_unit_id IS NULL) <> (assignee_user_id IS NULL))
  )`.execute(db);
  await sql`CREATE INDEX assignments_doc_idx ON assignments (incoming_id)`.execute(db);
  await sql`CREATE INDEX assignments_user_idx ON assignments (assignee_user_id, state)`.execute(db);
  await sql`CREATE INDEX assignments_unit_idx ON assignments (assignee_unit_id, state)`.execute(db);
  // Exactly one open top-level lead assignment per document (domain.md §8.4).
  await sql`CREATE UNIQUE INDEX assignments_one_lead_key ON assignments (incoming_id)
    WHERE kind = 'lead' AND parent_id IS NULL AND state IN ('pending','in_progress')`.execute(db);

  // Every hand-over, comment, file, extension and decision, in order (feeds the handling slip).
  await sql`CREATE TABLE assignment_events (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq bigserial NOT NULL,
    incoming_id uuid NOT NULL REFERENCES incoming_documents(id),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    assignment_id uuid REFERENCES assignments(id),
    kind text NOT NULL,
    actor_user_id uuid REFERENCES users(id),
    on_behalf_of uuid REFERENCES users(id),
    text text,
    data jsonb NOT NULL DEFAULT '{}'::jsonb,
    occurred_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX assignment_events_doc_idx ON assignment_events (incoming_id, seq)`.execute(db);

  await sql`CREATE TABLE extensions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    assignment_id uuid NOT NULL REFERENCES assignments(id),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    requested_by uuid NOT NULL REFERENCES users(id),
    reason text NOT NULL,
    previous_deadline text,
    proposed_deadline text NOT NULL,
    state text NOT NULL CHECK (state IN ('pending','granted','refused')),
    decided_by uuid REFERENCES users(id),
    decided_at timestamptz,
    decision_note text,
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX extensions_assignment_idx ON extensions (assignment_id)`.execute(db);

  // Working days to handle, per agency, document type ('*' = any) and urgency (domain.md §8.6).
  await sql`CREATE TABLE incoming_deadline_settings (
    agency_id uuid NOT NULL REFERENCES agencies(id),
    type_code text NOT NULL,
    urgency text NOT NULL CHECK (urgency IN ('normal','urgent','very_urgent','flash')),
    working_days integer NOT NULL CHECK (working_days BETWEEN 0 AND 365),
    updated_by uuid REFERENCES users(id),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (agency_id, type_code, urgency)
  )`.execute(db);

  await sql`CREATE TABLE case_files (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    year integer NOT NULL,
    notation text NOT NULL,
    title text NOT NULL,
    retention text NOT NULL DEFAULT '',
    keeper_user_id uuid NOT NULL REFERENCES users(id),
    opened_at timestamptz NOT NULL,
    closed_at timestamptz
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX case_files_notation_key ON case_files (agency_id, year, lower(notation))`.execute(db);
  await sql`CREATE TABLE case_file_documents (
    case_file_id uuid NOT NULL REFERENCES case_files(id),
    incoming_id uuid NOT NULL REFERENCES incoming_documents(id),
    ordinal integer NOT NULL,
    filed_by uuid NOT NULL REFERENCES users(id),
    filed_at timestamptz NOT NULL,
    PRIMARY KEY (case_file_id, incoming_id),
    UNIQUE (case_file_id, ordinal)
  )`.execute(db);

  await sql`CREATE TABLE notifications (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq bigserial NOT NULL,
    agency_id uuid NOT NULL REFERENCES agencies(id),
    user_id uuid NOT NULL REFERENCES users(id),
    kind text NOT NULL,
    title text NOT NULL,
    body text NOT NULL DEFAULT '',
    incoming_id uuid REFERENCES incoming_documents(id),
    assignment_id uuid REFERENCES assignments(id),
    created_at timestamptz NOT NULL,
    read_at timestamptz
  )`.execute(db);
  await sql`CREATE INDEX notifications_user_idx ON notifications (user_id, seq)`.execute(db);

  // A reminder is taken once per (assignment, kind, deadline): the insert that wins sends it.
  await sql`CREATE TABLE reminders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    assignment_id uuid NOT NULL REFERENCES assignments(id),
    kind text NOT NULL CHECK (kind IN ('before','overdue')),
    deadline text NOT NULL,
    created_at timestamptz NOT NULL,
    email_to text,
    email_sent_at timestamptz,
    email_error text,
    UNIQUE (assignment_id, kind, deadline)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'reminders', 'notifications', 'case_file_documents', 'case_files', 'incoming_deadline_settings', 'extensions',
    'assignment_events', 'assignments', 'incoming_files', 'incoming_documents',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
