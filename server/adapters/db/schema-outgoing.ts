import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, TimestampNull } from './schema-columns.ts';

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
  /** 20261203100000-outgoing-signer-box: box 7c chosen for this document; null = the standard box. */
  signer_box: ColumnType<unknown, string | null | undefined, string | null>;
  replaces_document_id: Generated<string | null>;
  replaced_by_id: Generated<string | null>;
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
  kind: 'agency' | 'unit' | 'paper';
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
  address: Generated<string | null>;
  paper_sent_at: TimestampNull;
  delivered_at: TimestampNull;
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
