/** Agency directory storage. The directory use cases (app/agencies) define what they need here. */
export type AgencyLevel = 'province' | 'provincial_agency' | 'district' | 'district_office' | 'commune';

export interface AgencyRecord {
  id: string;
  name: string;
  shortName: string;
  abbreviation: string | null;
  level: AgencyLevel;
  parentId: string | null;
  servedById: string | null;
  placeName: string | null;
  address: string | null;
  contactEmail: string | null;
  existedFrom: string | null;
  existedTo: string | null;
  active: boolean;
  note: string | null;
  /** The open identifier code, if any. */
  code: string | null;
  codeIsSample: boolean;
}

/** One period of an identifier code (exchange.md §6.4): open while validTo is null. */
export interface AgencyCodeRecord {
  id: string;
  agencyId: string;
  code: string;
  validFrom: string;
  validTo: string | null;
  isSample: boolean;
  source: string | null;
  successorCode: string | null;
}

export interface UnitRecord {
  id: string;
  agencyId: string;
  parentId: string | null;
  name: string;
  abbreviation: string | null;
  isFocalPoint: boolean;
  active: boolean;
}

export interface AgencySearch {
  /** Words matched accent-insensitively as word prefixes of name and short name. */
  terms?: string[];
  /** Part of an identifier code the agency holds or once held ([0-9A-Z.] only). */
  codeContains?: string;
  level?: AgencyLevel;
  parentId?: string;
  active?: boolean;
  limit: number;
  offset: number;
}

export type AgencyFields = Omit<AgencyRecord, 'id' | 'code' | 'codeIsSample'>;

export interface NewAgencyCode {
  code: string;
  validFrom: string;
  isSample: boolean;
  source: string | null;
}

export type UnitFields = Omit<UnitRecord, 'id'>;

export interface AgencyRepository {
  findById(id: string): Promise<AgencyRecord | undefined>;
  /** Agencies whose serving agency is the given one (domain.md §3: the office serves its committee). */
  listServedBy(agencyId: string): Promise<AgencyRecord[]>;
  /** Matching agencies, most similar first when searching by words, else by name. */
  search(filter: AgencySearch): Promise<{ items: AgencyRecord[]; total: number }>;
  /** Every agency, for export and for validating an import against the directory. */
  listAll(): Promise<AgencyRecord[]>;
  /** Case-insensitive exact name (names are unique). */
  findByName(name: string): Promise<AgencyRecord | undefined>;
  countChildren(id: string): Promise<number>;
  create(fields: AgencyFields): Promise<AgencyRecord>;
  update(id: string, patch: Partial<AgencyFields>): Promise<void>;

  /** Every period of the agency's codes, newest first. */
  codeHistory(agencyId: string): Promise<AgencyCodeRecord[]>;
  /** Every period in which any agency held this code. */
  codeUses(code: string): Promise<AgencyCodeRecord[]>;
  openCode(agencyId: string, code: NewAgencyCode): Promise<void>;
  closeCode(codeId: string, validTo: string, successorCode: string | null): Promise<void>;

  listUnits(agencyId: string): Promise<UnitRecord[]>;
  findUnit(id: string): Promise<UnitRecord | undefined>;
  createUnit(fields: UnitFields): Promise<UnitRecord>;
  updateUnit(id: string, patch: Partial<Omit<UnitFields, 'agencyId'>>): Promise<void>;
}
