import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, TimestampNull } from './schema-columns.ts';

/** 20261203400000-incoming-change-requests: revocations, updates and replacements at the receiving organ. */
type JsonNull = ColumnType<unknown, string | null | undefined, string | null>;

export interface IncomingChangeRequestsTable {
  id: Generated<string>;
  agency_id: string;
  inbox_id: string;
  package_id: string;
  kind: 'revoke' | 'update' | 'replace';
  target_document_id: string;
  incoming_id: string | null;
  replacement_id: string | null;
  sender_code: string;
  reason: string | null;
  metadata: JsonNull;
  previous_metadata: JsonNull;
  state: 'parked' | 'open' | 'accepted' | 'refused' | 'unmatched';
  answer_reason: string | null;
  answered_by: string | null;
  answered_at: TimestampNull;
  received_at: Timestamp;
  park_until: Timestamp;
}
