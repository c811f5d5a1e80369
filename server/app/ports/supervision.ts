import type { ReportAgency, SupervisionFact } from '../../domain/report/facts.ts';
import type { PeriodPreset, ReportPeriod } from '../../domain/report/period.ts';

/** Facts the document workflows may record; custody and dead deliveries come from the hub's tables. */
export type RecordableFact = Exclude<SupervisionFact, { kind: 'outgoing.custody' | 'delivery.failed' }>;

/**
 * The supervision fact log (server/app/reports/README.md). `record` runs inside the caller's
 * transaction, so a fact commits with the change it describes or not at all.
 */
export interface SupervisionFacts {
  record(fact: RecordableFact): Promise<void>;
}

export interface ArchivedReport {
  id: string;
  preset: PeriodPreset;
  period: ReportPeriod;
  asOf: Date;
  definitionVersion: string;
  generatedAt: Date;
  generatedBy: string | null;
  trigger: 'schedule' | 'demand';
}

export interface SupervisionComment {
  id: string;
  period: ReportPeriod;
  agencyId: string | null;
  authorName: string;
  body: string;
  createdAt: Date;
}

export interface NamedRef {
  id: string;
  name: string;
}

/** What reports read: the directory at T, the facts up to T, the archive and the comments. */
export interface SupervisionStore {
  /** Agencies of the directory active at any time in P, with their R15 state at T. */
  loadAgencies(period: ReportPeriod, asOf: Date): Promise<ReportAgency[]>;
  /** Facts (recorded and the hub's) with since ≤ occurredAt ≤ asOf, optionally of one agency. */
  loadFacts(since: Date, asOf: Date, agencyId?: string): Promise<SupervisionFact[]>;
  archive(report: Omit<ArchivedReport, 'id'> & { snapshot: unknown; xlsx: Uint8Array; pdf: Uint8Array }): Promise<ArchivedReport>;
  listArchive(limit: number): Promise<ArchivedReport[]>;
  findArchived(period: ReportPeriod, preset: PeriodPreset): Promise<ArchivedReport | undefined>;
  archivedFile(id: string, format: 'xlsx' | 'pdf'): Promise<{ report: ArchivedReport; bytes: Uint8Array } | undefined>;
  addComment(comment: { period: ReportPeriod; agencyId: string | null; authorId: string; body: string; createdAt: Date }): Promise<SupervisionComment>;
  listComments(period: ReportPeriod): Promise<SupervisionComment[]>;
  /** Serialises the scheduled generation across nodes until the transaction ends. */
  lockSchedule(): Promise<void>;
  /** Names of units and users of one agency, for the leaders' workload view. */
  unitsAndUsers(agencyId: string): Promise<{ units: NamedRef[]; users: (NamedRef & { unitId: string | null })[] }>;
}
