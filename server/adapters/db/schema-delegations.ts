import type { Generated } from 'kysely';
import type { Timestamp, TimestampDefault } from './schema-columns.ts';

/** 20261204300000-delegations: "absent from–to, X acts for me" (app/ports/delegations.ts). */
export interface DelegationsTable {
  id: Generated<string>;
  agency_id: string;
  principal_user_id: string;
  delegate_user_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  reason: string;
  created_by: string;
  created_at: TimestampDefault;
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
}
