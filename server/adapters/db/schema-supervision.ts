import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, TimestampDefault, DateOnly } from './schema-columns.ts';

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

/** 20261203500200-receiving-suspensions: R15 "receiving suspended by the operator", with dates. */
export interface AgencyReceivingSuspensionsTable {
  id: Generated<string>;
  agency_id: string;
  starts_on: DateOnly;
  ends_on: DateOnly | null;
  reason: string;
  created_by: string | null;
  created_at: TimestampDefault;
}
