import type { ColumnType, Generated } from 'kysely';

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
}
