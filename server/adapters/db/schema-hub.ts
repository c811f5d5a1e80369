import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, TimestampDefault, TimestampNull } from './schema-columns.ts';

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
  /** Migration 20261203200000: how far the signing certificate is checked. */
  certificate_check: ColumnType<'registered' | 'chain' | 'chain-revocation', 'registered' | 'chain' | 'chain-revocation' | undefined, 'registered' | 'chain' | 'chain-revocation'>;
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
  state: 'pending' | 'sending' | 'delivered' | 'failed' | 'dead' | 'abandoned';
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
  /** Migration 20261203200100: an operator abandoned the dead letter. */
  abandoned_reason: ColumnType<string | null, string | null | undefined, string | null>;
  abandoned_by: ColumnType<string | null, string | null | undefined, string | null>;
  abandoned_at: ColumnType<Date | string | null, Date | string | null | undefined, Date | string | null>;
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
