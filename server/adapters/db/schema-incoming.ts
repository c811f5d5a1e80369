import type { ColumnType, Generated } from 'kysely';

/** 20261202200000-incoming-documents: the incoming-document module's tables (domain.md §8, §13). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;
type Opt<T> = ColumnType<T, T | undefined, T>;

export interface IncomingDocumentsTable {
  id: Generated<string>;
  agency_id: string;
  state: string;
  channel: 'electronic' | 'paper';
  inbox_id: Opt<string | null>;
  package_id: Opt<string | null>;
  document_id: Opt<string | null>;
  sender_code: Opt<string | null>;
  receiver_code: Opt<string | null>;
  sender_name: string;
  code_number: Opt<string>;
  code_notation: Opt<string>;
  promulgation_date: Opt<string | null>;
  type_name: Opt<string>;
  subject: string;
  signer_name: Opt<string | null>;
  due_date: Opt<string | null>;
  urgency: Opt<string>;
  received_at: Timestamp;
  signature_status: string;
  signature_details: Json<unknown>;
  warnings: Json<string[]>;
  duplicate_of: Opt<string | null>;
  duplicate_reason: Opt<string | null>;
  register_id: Opt<string | null>;
  register_number_id: Opt<string | null>;
  arrival_number: Opt<number | null>;
  arrival_year: Opt<number | null>;
  registered_at: TimestampNull;
  registered_by: Opt<string | null>;
  refused_at: TimestampNull;
  refused_by: Opt<string | null>;
  refusal_reason: Opt<string | null>;
  presented_to: Opt<string | null>;
  exchange_state: Opt<string>;
  first_passed_at: TimestampNull;
  finished_at: TimestampNull;
  outcome: Opt<string | null>;
  outcome_note: Opt<string | null>;
  created_by: Opt<string | null>;
  created_at: Timestamp;
}

export interface IncomingFilesTable {
  id: Generated<string>;
  incoming_id: string;
  agency_id: string;
  role: 'attachment' | 'working';
  sha256: string;
  size: ColumnType<string | number, number, number>;
  media_type: string;
  name: string;
  description: Opt<string | null>;
  signature_status: Opt<string | null>;
  signature_details: ColumnType<unknown, string | null | undefined, string | null>;
  uploaded_by: Opt<string | null>;
  assignment_id: Opt<string | null>;
  created_at: Timestamp;
}

export interface AssignmentsTable {
  id: Generated<string>;
  incoming_id: string;
  agency_id: string;
  parent_id: Opt<string | null>;
  kind: 'lead' | 'coordinating' | 'informed';
  assignee_unit_id: Opt<string | null>;
  assignee_user_id: Opt<string | null>;
  assigned_by: string;
  on_behalf_of: Opt<string | null>;
  instruction: Opt<string>;
  deadline: Opt<string | null>;
  state: 'pending' | 'in_progress' | 'done' | 'returned' | 'closed';
  started_at: TimestampNull;
  finished_at: TimestampNull;
  finish_note: Opt<string | null>;
  created_at: Timestamp;
}

export interface AssignmentEventsTable {
  id: Generated<string>;
  seq: Generated<string | number>;
  incoming_id: string;
  agency_id: string;
  assignment_id: Opt<string | null>;
  kind: string;
  actor_user_id: Opt<string | null>;
  on_behalf_of: Opt<string | null>;
  text: Opt<string | null>;
  data: Json<Record<string, unknown>>;
  occurred_at: Timestamp;
}

export interface ExtensionsTable {
  id: Generated<string>;
  assignment_id: string;
  agency_id: string;
  requested_by: string;
  reason: string;
  previous_deadline: string | null;
  proposed_deadline: string;
  state: 'pending' | 'granted' | 'refused';
  decided_by: Opt<string | null>;
  decided_at: TimestampNull;
  decision_note: Opt<string | null>;
  created_at: Timestamp;
}

export interface IncomingDeadlineSettingsTable {
  agency_id: string;
  type_code: string;
  urgency: string;
  working_days: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface CaseFilesTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  notation: string;
  title: string;
  retention: Opt<string>;
  keeper_user_id: string;
  opened_at: Timestamp;
  closed_at: TimestampNull;
}

export interface CaseFileDocumentsTable {
  case_file_id: string;
  incoming_id: string;
  ordinal: number;
  filed_by: string;
  filed_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  seq: Generated<string | number>;
  agency_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: Opt<string>;
  incoming_id: Opt<string | null>;
  assignment_id: Opt<string | null>;
  created_at: Timestamp;
  read_at: TimestampNull;
}

export interface RemindersTable {
  id: Generated<string>;
  assignment_id: string;
  kind: 'before' | 'overdue';
  deadline: string;
  created_at: Timestamp;
  email_to: Opt<string | null>;
  email_sent_at: TimestampNull;
  email_error: Opt<string | null>;
}

export interface IncomingTables {
  incoming_documents: IncomingDocumentsTable;
  incoming_files: IncomingFilesTable;
  assignments: AssignmentsTable;
  assignment_events: AssignmentEventsTable;
  extensions: ExtensionsTable;
  incoming_deadline_settings: IncomingDeadlineSettingsTable;
  case_files: CaseFilesTable;
  case_file_documents: CaseFileDocumentsTable;
  notifications: NotificationsTable;
  reminders: RemindersTable;
}
