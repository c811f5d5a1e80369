import type { ColumnType, Generated } from 'kysely';
import type { IncomingTables } from './schema-incoming.ts';
import type { IncomingChangeRequestsTable } from './schema-incoming-changes.ts';
import type { HubPeersTable, HubOutboxTable, HubDeliveriesTable, HubInboxTable, HubTraceTable, HubTraceHeadTable } from './schema-hub.ts';
export type { HubPeersTable, HubOutboxTable, HubDeliveriesTable, HubInboxTable, HubTraceTable, HubTraceHeadTable } from './schema-hub.ts';
import type { DateOnly, Timestamp, TimestampDefault, TimestampNull } from './schema-columns.ts';
import type { OutgoingDocumentsTable, OutgoingVersionsTable, OutgoingReviewsTable, OutgoingRecipientsTable, OutgoingRecipientEventsTable, OutgoingReviewChainsTable } from './schema-outgoing.ts';
import type { OutgoingChangesTable, OutgoingSigningGrantsTable } from './schema-outgoing-changes.ts';
export type { OutgoingChangesTable, OutgoingSigningGrantsTable } from './schema-outgoing-changes.ts';
export type { OutgoingDocumentsTable, OutgoingVersionsTable, OutgoingReviewsTable, OutgoingRecipientsTable, OutgoingRecipientEventsTable, OutgoingReviewChainsTable } from './schema-outgoing.ts';
import type { SearchDocumentsTable, SearchTextsTable } from './schema-search.ts';
export type { SearchDocumentsTable, SearchTextsTable } from './schema-search.ts';
import type { SupervisionFactsTable, SupervisionReportsTable, SupervisionCommentsTable } from './schema-supervision.ts';
export type { SupervisionFactsTable, SupervisionReportsTable, SupervisionCommentsTable } from './schema-supervision.ts';
import type { WorkCalendarDaysTable } from './schema-work-calendar.ts';
import type { AgencyReceivingSuspensionsTable } from './schema-supervision.ts';
import type { DelegationsTable } from './schema-delegations.ts';
export type { WorkCalendarDaysTable } from './schema-work-calendar.ts';
import type { SigningKeysTable, SigningTrustAnchorsTable, SigningRevocationSourcesTable, SigningImagesTable } from './schema-signing.ts';
export type { SigningKeysTable, SigningTrustAnchorsTable, SigningRevocationSourcesTable, SigningImagesTable } from './schema-signing.ts';

/**
 * Kysely's view of the tables. Add a table here with the migration that creates it; an area with
 * several tables keeps their column types in its own schema-<area>.ts (shared column types:
 * schema-columns.ts).
 */

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
  outgoing_changes: OutgoingChangesTable;
  outgoing_signing_grants: OutgoingSigningGrantsTable;
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
  incoming_change_requests: IncomingChangeRequestsTable;
  search_documents: SearchDocumentsTable;
  search_texts: SearchTextsTable;
  supervision_facts: SupervisionFactsTable;
  supervision_reports: SupervisionReportsTable;
  supervision_comments: SupervisionCommentsTable;
  signing_keys: SigningKeysTable;
  signing_trust_anchors: SigningTrustAnchorsTable;
  signing_revocation_sources: SigningRevocationSourcesTable;
  signing_images: SigningImagesTable;
  work_calendar_days: WorkCalendarDaysTable;
  agency_receiving_suspensions: AgencyReceivingSuspensionsTable;
  delegations: DelegationsTable;
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
