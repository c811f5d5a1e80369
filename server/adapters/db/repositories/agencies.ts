import type { Kysely } from 'kysely';
import type { AgencyRecord, AgencyRepository } from '../../../app/ports/agencies.ts';
import type { DB } from '../schema.ts';

const columns = [
  'a.id', 'a.name', 'a.short_name', 'a.abbreviation', 'a.level', 'a.parent_id', 'a.served_by_id', 'a.place_name',
  'a.address', 'a.contact_email', 'a.existed_from', 'a.existed_to', 'a.active', 'a.note', 'c.code', 'c.is_sample',
] as const;

export function agencyQuery(db: Kysely<DB>) {
  return db
    .selectFrom('agencies as a')
    .leftJoin('agency_codes as c', (j) => j.onRef('c.agency_id', '=', 'a.id').on('c.valid_to', 'is', null))
    .select(columns);
}

type Row = Awaited<ReturnType<ReturnType<typeof agencyQuery>['executeTakeFirstOrThrow']>>;

export function toAgency(r: Row): AgencyRecord {
  return {
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    abbreviation: r.abbreviation,
    level: r.level,
    parentId: r.parent_id,
    servedById: r.served_by_id,
    placeName: r.place_name,
    address: r.address,
    contactEmail: r.contact_email,
    existedFrom: r.existed_from,
    existedTo: r.existed_to,
    active: r.active,
    note: r.note,
    code: r.code ?? null,
    codeIsSample: r.is_sample ?? false,
  };
}

export class PgAgencyRepository implements AgencyRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findById(id: string): Promise<AgencyRecord | undefined> {
    const row = await agencyQuery(this.db).where('a.id', '=', id).executeTakeFirst();
    return row && toAgency(row);
  }

  async listServedBy(agencyId: string): Promise<AgencyRecord[]> {
    const rows = await agencyQuery(this.db).where('a.served_by_id', '=', agencyId).where('a.id', '!=', agencyId).orderBy('a.name').execute();
    return rows.map(toAgency);
  }
}
