import type { AuditEventType } from '../audit/catalogue.ts';

export interface AuditEventInput {
  type: AuditEventType;
  actorUserId: string | null;
  actorAgencyId: string | null;
  /** Tenant the subject belongs to, when it belongs to one. */
  agencyId: string | null;
  subjectType: string;
  subjectId: string;
  data?: Record<string, unknown>;
}

/** Appends to the hash-chained audit log inside the caller's transaction. */
export interface AuditLog {
  record(event: AuditEventInput): Promise<void>;
}
