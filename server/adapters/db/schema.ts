import type { ColumnType, Generated } from 'kysely';
import type { IncomingTables } from './schema-incoming.ts';

/** Kysely's view of the tables. Add a table here with the migration that creates it. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateOnly = ColumnType<string, string, string>;

export interface AgenciesTable {
  id: Generated<string>;
  name: string;
  short_name: string;
  abbreviation: string | null;
  level: 'province' | 'provincial_agency' | 'district' | 'district_office' | 'commune';
  parent_id: string | null;
  served_by_id: string | null;
  place_name: string | null;
  address: string | null;
  contact_email: string | null;
  existed_from: DateOnly | null;
  existed_to: DateOnly | null;
  active: Generated<boolean>;
  note: string | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface AgencyCodesTable {
  id: Generated<string>;
  agency_id: string;
  code: string;
  valid_from: DateOnly;
  valid_to: DateOnly | null;
  is_sample: Generated<boolean>;
  source: string | null;
  /** Added by 20261125000200: the code that replaced this one when it closed. */
  successor_code: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: TimestampDefault;
}

export interface UnitsTable {
  id: Generated<string>;
  agency_id: string;
  parent_id: string | null;
  name: string;
  abbreviation: string | null;
  is_focal_point: Generated<boolean>;
  active: Generated<boolean>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface UsersTable {
  id: Generated<string>;
  agency_id: string;
  unit_id: string | null;
  username: string;
  full_name: string;
  title: Generated<string>;
  email: string | null;
  password_hash: string | null;
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: TimestampNull;
  password_changed_at: TimestampNull;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface UserRolesTable {
  user_id: string;
  agency_id: string;
  role: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: TimestampDefault;
  last_seen_at: TimestampDefault;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventsTable {
  seq: number;
  id: Generated<string>;
  occurred_at: Timestamp;
  type: string;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  agency_id: string | null;
  subject_type: string;
  subject_id: string;
  data: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

/** Hub tables (migration 20261125000500): exchange.md §4. */
export interface HubPeersTable {
  id: Generated<string>;
  name: string;
  code_prefixes: string[];
  endpoint_url: string | null;
  certificate_pem: string | null;
  credentials_hash: string;
  outbound_token: string | null;
  signature_policy: ColumnType<'required' | 'unsigned-allowed', 'required' | 'unsigned-allowed' | undefined, 'required' | 'unsigned-allowed'>;
  max_package_bytes: number | null;
  active: Generated<boolean>;
  last_success_at: TimestampNull;
  last_failure_at: TimestampNull;
  consecutive_failures: Generated<number>;
  created_at: TimestampDefault;
}

export interface HubOutboxTable {
  id: Generated<string>;
  package_id: string;
  kind: 'document' | 'status';
  origin: 'local' | 'peer';
  from_peer_id: string | null;
  sender_agency_id: string | null;
  sender_code: string;
  receiver_codes: string[];
  business_type: string | null;
  document_id: string | null;
  document_key: string;
  priority: Generated<number>;
  payload_sha256: string;
  payload_size: number;
  unsigned_admitted: Generated<boolean>;
  created_at: Timestamp;
  /** Statuses only: From, ResponseFor/DocumentId, StatusCode, Timestamp (§4.2); unique. */
  status_key: string | null;
}

export interface HubDeliveriesTable {
  id: Generated<string>;
  seq: Generated<number>;
  outbox_id: string;
  package_id: string;
  sender_code: string;
  receiver_code: string;
  document_key: string;
  route: 'local' | 'peer' | 'none';
  receiver_agency_id: string | null;
  peer_id: string | null;
  state: 'pending' | 'sending' | 'delivered' | 'failed' | 'dead';
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  first_attempt_at: TimestampNull;
  last_attempt_at: TimestampNull;
  last_error_code: string | null;
  last_error_origin: 'local' | 'hub' | 'peer' | null;
  last_error_message: string | null;
  delivered_at: TimestampNull;
  ack_result: string | null;
  ack_sha256: string | null;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface HubInboxTable {
  id: Generated<string>;
  agency_id: string;
  package_id: string;
  delivery_id: string;
  kind: 'document' | 'status';
  sender_code: string;
  receiver_code: string;
  business_type: string | null;
  document_id: string | null;
  payload_sha256: string;
  received_at: Timestamp;
  processed_at: TimestampNull;
}

export interface HubTraceTable {
  seq: number;
  id: Generated<string>;
  occurred_at: Timestamp;
  kind: string;
  package_id: string;
  document_id: string | null;
  from_node: string | null;
  to_node: string | null;
  package_sha256: string | null;
  error_code: string | null;
  error_origin: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
  prev_hash: string;
  hash: string;
}

export interface HubTraceHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

export interface DB {
  agencies: AgenciesTable;
  agency_codes: AgencyCodesTable;
  units: UnitsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  audit_chain_head: AuditChainHeadTable;
  hub_peers: HubPeersTable;
  hub_outbox: HubOutboxTable;
  hub_deliveries: HubDeliveriesTable;
  hub_inbox: HubInboxTable;
  hub_trace: HubTraceTable;
  hub_trace_head: HubTraceHeadTable;
  registers: RegistersTable;
  register_counters: RegisterCountersTable;
  register_numbers: RegisterNumbersTable;
  files: FilesTable;
  outgoing_documents: OutgoingDocumentsTable;
  outgoing_versions: OutgoingVersionsTable;
  outgoing_reviews: OutgoingReviewsTable;
  outgoing_recipients: OutgoingRecipientsTable;
  outgoing_recipient_events: OutgoingRecipientEventsTable;
  outgoing_review_chains: OutgoingReviewChainsTable;
  incoming_documents: IncomingTables['incoming_documents'];
  incoming_files: IncomingTables['incoming_files'];
  assignments: IncomingTables['assignments'];
  assignment_events: IncomingTables['assignment_events'];
  extensions: IncomingTables['extensions'];
  incoming_deadline_settings: IncomingTables['incoming_deadline_settings'];
  case_files: IncomingTables['case_files'];
  case_file_documents: IncomingTables['case_file_documents'];
  notifications: IncomingTables['notifications'];
  reminders: IncomingTables['reminders'];
  search_documents: SearchDocumentsTable;
  search_texts: SearchTextsTable;
  supervision_facts: SupervisionFactsTable;
  supervision_reports: SupervisionReportsTable;
  supervision_comments: SupervisionCommentsTable;
  signing_keys: SigningKeysTable;
  signing_trust_anchors: SigningTrustAnchorsTable;
  signing_revocation_sources: SigningRevocationSourcesTable;
  signing_images: SigningImagesTable;
}

/** 20261125000300-files: who uploaded which stored bytes, under what name. */
export interface FilesTable {
  id: Generated<string>;
  agency_id: string;
  sha256: string;
  size: ColumnType<string | number, number, number>;
  media_type: string;
  original_name: string;
  uploaded_by: string;
  created_at: TimestampDefault;
}

/** 20261125000600-registers: registers (domain.md §6.3), yearly counters, numbers handed out. */
export interface RegistersTable {
  id: Generated<string>;
  agency_id: string;
  direction: 'outgoing' | 'incoming' | 'copy';
  name: string;
  year: number;
  /** Document type codes covered; empty means every type. */
  type_codes: ColumnType<string[], string, string>;
  notation_pattern: string | null;
  volume: Generated<number>;
  state: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

export interface RegisterCountersTable {
  register_id: string;
  year: number;
  next_number: number;
}

export interface RegisterNumbersTable {
  id: Generated<string>;
  register_id: string;
  agency_id: string;
  year: number;
  number: number;
  code_number: string;
  code_notation: string | null;
  allocated_at: Timestamp;
  allocated_by: string | null;
  subject_type: string | null;
  subject_id: string | null;
  voided_at: TimestampNull;
  voided_by: string | null;
  void_reason: string | null;
}

/** 20261202100000-outgoing-documents: outgoing documents (domain.md §7) and what hangs off them. */
type Json = ColumnType<unknown, string, string>;
export interface OutgoingDocumentsTable {
  id: Generated<string>;
  agency_id: string;
  state: string;
  type_code: string;
  subject: string;
  urgency: string;
  drafting_unit_id: string | null;
  drafter_id: string;
  signer_id: string | null;
  signer_capacity: string | null;
  to_places: string;
  reply_by: ColumnType<string | null, string | null, string | null>;
  copies: number | null;
  response_for_incoming_id: string | null;
  main_file_id: string | null;
  attachment_file_ids: Json;
  version: Generated<number>;
  review_chain: Generated<Json>;
  review_step: Generated<number>;
  signed_at: TimestampNull;
  signed_by: string | null;
  signed_file_id: string | null;
  register_id: string | null;
  number_id: string | null;
  code_number: string | null;
  code_notation: string | null;
  issued_date: ColumnType<string | null, string | null | undefined, string | null>;
  issue_step: string | null;
  issue_started_by: string | null;
  stamped_file_id: string | null;
  final_main_file_id: string | null;
  final_main_sha256: string | null;
  final_attachments: Generated<Json>;
  registered_at: TimestampNull;
  package_id: string | null;
  package_sha256: string | null;
  package_size: number | null;
  edxml_document_id: string | null;
  issued_at: TimestampNull;
  sent_at: TimestampNull;
  recall_reason: Generated<string | null>;
  recalled_at: TimestampNull;
  recalled_by: Generated<string | null>;
  recall_package_id: Generated<string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OutgoingVersionsTable {
  id: Generated<string>;
  document_id: string;
  version: number;
  fields: Json;
  main_file_id: string | null;
  attachment_file_ids: Json;
  created_by: string;
  created_at: Timestamp;
}

export interface OutgoingReviewsTable {
  id: Generated<string>;
  seq: Generated<number>;
  document_id: string;
  version: number;
  step: number | null;
  action: string;
  actor_id: string;
  comment: string | null;
  acted_at: Timestamp;
}

export interface OutgoingRecipientsTable {
  id: Generated<string>;
  document_id: string;
  kind: 'agency' | 'unit';
  recipient_agency_id: string | null;
  unit_id: string | null;
  name: string;
  organ_code: string | null;
  business_status: string | null;
  status_description: string | null;
  status_at: TimestampNull;
  refused_reason: string | null;
  change_open: Generated<string | null>;
  change_answer: Generated<string | null>;
  change_answer_reason: Generated<string | null>;
  change_answered_at: TimestampNull;
}

export interface OutgoingRecipientEventsTable {
  id: Generated<string>;
  seq: Generated<number>;
  document_id: string;
  recipient_id: string;
  status_code: string;
  description: string | null;
  occurred_at: Timestamp;
  received_at: Timestamp;
  inbox_id: string | null;
  outcome: 'applied' | 'late' | 'flagged';
  note: string | null;
}

export interface OutgoingReviewChainsTable {
  agency_id: string;
  steps: Json;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** 20261202500000-search-index: the search index (app/search/README.md). */
export interface SearchDocumentsTable {
  kind: 'outgoing' | 'incoming';
  document_id: string;
  agency_id: string;
  subject: string;
  code_number: string | null;
  code_notation: string | null;
  type_code: string | null;
  type_name: string | null;
  issued_date: DateOnly | null;
  arrival_date: DateOnly | null;
  doc_date: DateOnly | null;
  organ_name: string | null;
  register_id: string | null;
  status: string;
  signer_name: string | null;
  urgency: 'normal' | 'urgent' | 'very_urgent' | 'flash';
  readers: string[];
  file_sha256: string | null;
  meta: string;
  /** tsvectors, written only through the SQL functions lt_search_folded / lt_search_exact. */
  folded: string;
  exact: string;
  updated_at: TimestampDefault;
}

export interface SearchTextsTable {
  sha256: string;
  state: Generated<'pending' | 'working' | 'done' | 'no_text' | 'failed'>;
  method: 'pdftotext' | 'ocr' | null;
  body: string | null;
  note: string | null;
  attempts: Generated<number>;
  claimed_at: TimestampNull;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
}

/** 20261202600000-supervision: the supervision fact log, report archive and comments (domain.md §15). */
export interface SupervisionFactsTable {
  id: Generated<string>;
  agency_id: string;
  kind: string;
  document_key: string;
  occurred_at: Timestamp;
  data: ColumnType<Record<string, unknown>, string, string>;
  demo: Generated<boolean>;
  recorded_at: TimestampDefault;
}

export interface SupervisionReportsTable {
  id: Generated<string>;
  preset: 'half_year' | 'annual' | 'custom';
  period_start: DateOnly;
  period_end: DateOnly;
  as_of: Timestamp;
  definition_version: string;
  generated_at: Timestamp;
  generated_by: string | null;
  trigger: 'schedule' | 'demand';
  snapshot: ColumnType<unknown, string, string>;
  xlsx: Uint8Array;
  pdf: Uint8Array;
}

export interface SupervisionCommentsTable {
  id: Generated<string>;
  period_start: DateOnly;
  period_end: DateOnly;
  agency_id: string | null;
  author_id: string;
  body: string;
  created_at: Timestamp;
}

/** 20261202400000-signing-keys-trust: keys (private key encrypted), trust anchors, revocation sources. */
export interface SigningKeysTable {
  id: Generated<string>;
  agency_id: string;
  user_id: string | null;
  kind: 'organisation' | 'personal';
  source: 'test-ca' | 'pkcs12';
  /** Base64 DER certificates, the signer's first. */
  certificate_chain: ColumnType<string[], string, string>;
  encrypted_key: ColumnType<Record<string, unknown>, string, string>;
  subject: string;
  issuer: string;
  serial: string;
  not_before: Timestamp;
  not_after: Timestamp;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: TimestampDefault;
}

export interface SigningTrustAnchorsTable {
  id: Generated<string>;
  kind: 'root' | 'intermediate';
  certificate: string;
  fingerprint: string;
  subject: string;
  issuer: string;
  serial: string;
  not_before: Timestamp;
  not_after: Timestamp;
  created_by: string | null;
  created_at: TimestampDefault;
}

export interface SigningRevocationSourcesTable {
  id: Generated<string>;
  url: string | null;
  /** Base64 DER CRL: uploaded, or the last one fetched from the URL. */
  crl: string | null;
  issuer: string | null;
  this_update: TimestampNull;
  next_update: TimestampNull;
  fetched_at: TimestampNull;
  last_error: string | null;
  created_by: string | null;
  created_at: TimestampDefault;
}

/** 20261202400100-signing-images: seal per agency, signature per signer, each valid for a period. */
export interface SigningImagesTable {
  id: Generated<string>;
  agency_id: string;
  user_id: string | null;
  kind: 'seal' | 'signature';
  /** Base64 PNG. */
  png: string;
  sha256: string;
  width: number;
  height: number;
  diameter_mm: ColumnType<string | number | null, number | null, number | null>;
  valid_from: DateOnly;
  valid_to: ColumnType<string | null, string | null, string | null>;
  created_by: string | null;
  created_at: TimestampDefault;
}
