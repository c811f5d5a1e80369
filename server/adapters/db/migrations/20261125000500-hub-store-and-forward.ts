import { sql, type Kysely } from 'kysely';

// The hub's store-and-forward tables (exchange.md §4): packages in custody (outbox), one delivery per
// package × receiver, the inbox of each local organ, registered peers and the hash-chained trace.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE hub_peers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    code_prefixes text[] NOT NULL,
    endpoint_url text,
    certificate_pem text,
    credentials_hash text NOT NULL,
    outbound_token text,
    signature_policy text NOT NULL DEFAULT 'required' CHECK (signature_policy IN ('required','unsigned-allowed')),
    max_package_bytes bigint,
    active boolean NOT NULL DEFAULT true,
    last_success_at timestamptz,
    last_failure_at timestamptz,
    consecutive_failures integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX hub_peers_name_key ON hub_peers (lower(name))`.execute(db);
  await sql`CREATE UNIQUE INDEX hub_peers_credentials_key ON hub_peers (credentials_hash)`.execute(db);

  // One row per package this hub took custody of, whoever originated it; the package id is the
  // idempotency key of receipt (§4.2) and the bytes live in the file store under their SHA-256.
  await sql`CREATE TABLE hub_outbox (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    package_id text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('document','status')),
    origin text NOT NULL CHECK (origin IN ('local','peer')),
    from_peer_id uuid REFERENCES hub_peers(id),
    sender_agency_id uuid REFERENCES agencies(id),
    sender_code text NOT NULL,
    receiver_codes text[] NOT NULL,
    business_type text,
    document_id text,
    document_key text NOT NULL,
    priority integer NOT NULL DEFAULT 0,
    payload_sha256 text NOT NULL,
    payload_size bigint NOT NULL,
    unsigned_admitted boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX hub_outbox_package_key ON hub_outbox (package_id)`.execute(db);

  // seq orders deliveries of one (sender, receiver, document) key: a later one waits (§4.5).
  await sql`CREATE TABLE hub_deliveries (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq bigserial NOT NULL,
    outbox_id uuid NOT NULL REFERENCES hub_outbox(id),
    package_id text NOT NULL,
    sender_code text NOT NULL,
    receiver_code text NOT NULL,
    document_key text NOT NULL,
    route text NOT NULL CHECK (route IN ('local','peer','none')),
    receiver_agency_id uuid REFERENCES agencies(id),
    peer_id uuid REFERENCES hub_peers(id),
    state text NOT NULL CHECK (state IN ('pending','sending','delivered','failed','dead')),
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    first_attempt_at timestamptz,
    last_attempt_at timestamptz,
    last_error_code text,
    last_error_origin text CHECK (last_error_origin IN ('local','hub','peer')),
    last_error_message text,
    delivered_at timestamptz,
    ack_result text,
    ack_sha256 text,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (outbox_id, receiver_code)
  )`.execute(db);
  await sql`CREATE INDEX hub_deliveries_due_idx ON hub_deliveries (next_attempt_at) WHERE state IN ('pending','failed','sending')`.execute(db);
  await sql`CREATE INDEX hub_deliveries_order_idx ON hub_deliveries (sender_code, receiver_code, document_key, seq)`.execute(db);
  await sql`CREATE INDEX hub_deliveries_package_idx ON hub_deliveries (package_id)`.execute(db);

  // An organ sees each package once: the key is (package, organ), since one package may name
  // several organs of this deployment.
  await sql`CREATE TABLE hub_inbox (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agency_id uuid NOT NULL REFERENCES agencies(id),
    package_id text NOT NULL,
    delivery_id uuid NOT NULL REFERENCES hub_deliveries(id),
    kind text NOT NULL CHECK (kind IN ('document','status')),
    sender_code text NOT NULL,
    receiver_code text NOT NULL,
    business_type text,
    document_id text,
    payload_sha256 text NOT NULL,
    received_at timestamptz NOT NULL,
    processed_at timestamptz,
    UNIQUE (package_id, agency_id)
  )`.execute(db);
  await sql`CREATE INDEX hub_inbox_agency_idx ON hub_inbox (agency_id, received_at)`.execute(db);

  await sql`CREATE TABLE hub_trace (
    seq bigint PRIMARY KEY,
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    occurred_at timestamptz NOT NULL,
    kind text NOT NULL,
    package_id text NOT NULL,
    document_id text,
    from_node text,
    to_node text,
    package_sha256 text,
    error_code text,
    error_origin text,
    data jsonb NOT NULL DEFAULT '{}'::jsonb,
    prev_hash text NOT NULL,
    hash text NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX hub_trace_package_idx ON hub_trace (package_id, seq)`.execute(db);
  await sql`CREATE TABLE hub_trace_head (
    id integer PRIMARY KEY CHECK (id = 1),
    last_seq bigint NOT NULL,
    last_hash text NOT NULL
  )`.execute(db);
  await sql`INSERT INTO hub_trace_head (id, last_seq, last_hash) VALUES (1, 0, ${'0'.repeat(64)})`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['hub_trace_head', 'hub_trace', 'hub_inbox', 'hub_deliveries', 'hub_outbox', 'hub_peers']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(t)}`.execute(db);
  }
}
