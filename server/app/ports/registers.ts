import type { RegisterDirection, RegisterState } from '../../domain/register/register.ts';

/** Register storage (domain.md §6.3). The register use cases (app/registers) define what they need. */
export interface RegisterRecord {
  id: string;
  agencyId: string;
  direction: RegisterDirection;
  name: string;
  /** The first year it numbers in; every year after is a new series from 01 (register_counters). */
  year: number;
  /** Document type codes covered; empty means every type. */
  typeCodes: string[];
  notationPattern: string | null;
  volume: number;
  state: RegisterState;
  createdAt: Date;
}

export type RegisterFields = Omit<RegisterRecord, 'id' | 'createdAt'>;

export interface RegisterNumberRecord {
  id: string;
  registerId: string;
  agencyId: string;
  year: number;
  number: number;
  codeNumber: string;
  codeNotation: string | null;
  allocatedAt: Date;
  allocatedBy: string | null;
  subjectType: string | null;
  subjectId: string | null;
  voidedAt: Date | null;
  voidedBy: string | null;
  voidReason: string | null;
}

export type NewRegisterNumber = Omit<RegisterNumberRecord, 'id' | 'voidedAt' | 'voidedBy' | 'voidReason'>;

export interface RegisterRepository {
  findById(id: string): Promise<RegisterRecord | undefined>;
  /** The agency's registers: open first, then by year (newest first), direction and name. */
  listByAgency(agencyId: string, filter?: { direction?: RegisterDirection; year?: number }): Promise<RegisterRecord[]>;
  /** Case-insensitive exact name within the agency and year (names are unique there). */
  findByName(agencyId: string, year: number, name: string): Promise<RegisterRecord | undefined>;
  create(fields: RegisterFields): Promise<RegisterRecord>;

  /** Records a number handed out by the counter; the row is the register's line for it. */
  recordNumber(row: NewRegisterNumber): Promise<RegisterNumberRecord>;
  findNumber(id: string): Promise<RegisterNumberRecord | undefined>;
  /** True when the agency already gave this (number, notation) in the year (§6.2.2). */
  numberTaken(agencyId: string, year: number, number: number, codeNotation: string): Promise<boolean>;
  /** Marks a number void (hủy số) with its reason; the row stays. */
  voidNumber(id: string, v: { voidedAt: Date; voidedBy: string | null; reason: string }): Promise<void>;
  listNumbers(registerId: string, year: number): Promise<RegisterNumberRecord[]>;
}
