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

export interface AgencyRepository {
  findById(id: string): Promise<AgencyRecord | undefined>;
  /** Agencies whose serving agency is the given one (domain.md §3: the office serves its committee). */
  listServedBy(agencyId: string): Promise<AgencyRecord[]>;
}
