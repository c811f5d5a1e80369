import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, TimestampNull } from './schema-columns.ts';

/** 20261203300000-outgoing-changes-paper-capacity: updates and replacements of issued documents, signing capacities. */

export interface OutgoingChangesTable {
  id: Generated<string>;
  seq: Generated<number>;
  document_id: string;
  kind: 'update' | 'replace';
  reason: string;
  changes: ColumnType<unknown, string | undefined, string>;
  added_recipients: ColumnType<unknown, string | undefined, string>;
  replacement_id: string | null;
  package_id: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface OutgoingSigningGrantsTable {
  id: Generated<string>;
  agency_id: string;
  user_id: string;
  capacity: string;
  type_codes: ColumnType<unknown, string | null, string | null>;
  valid_from: ColumnType<string | null, string | null, string | null>;
  valid_until: ColumnType<string | null, string | null, string | null>;
  reference: string | null;
  granted_by: string | null;
  created_at: Timestamp;
  revoked_at: TimestampNull;
}
