import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  AgencyCodeRecord, AgencyFields, AgencyRecord, AgencyRepository, AgencySearch, NewAgencyCode, UnitFields, UnitRecord,
} from '../../../app/ports/agencies.ts';
import type { AgenciesTable, AgencyCodesTable, DB } from '../schema.ts';
import { createUnit, findUnit, listUnits, updateUnit } from './units.ts';

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

/** PostgreSQL hands back `date` columns as Date through pg and as strings through some paths; store-facing code wants YYYY-MM-DD. */
function day(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const local = new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  }
  return String(value).slice(0, 10);
}

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
    existedFrom: day(r.existed_from),
    existedTo: day(r.existed_to),
    active: r.active,
    note: r.note,
    code: r.code ?? null,
    codeIsSample: r.is_sample ?? false,
  };
}

function toCode(r: Selectable<AgencyCodesTable>): AgencyCodeRecord {
  return {
    id: r.id,
    agencyId: r.agency_id,
    code: r.code,
    validFrom: day(r.valid_from)!,
    validTo: day(r.valid_to),
    isSample: r.is_sample,
    source: r.source,
    successorCode: r.successor_code,
  };
}

function toColumns(f: Partial<AgencyFields>): Partial<Omit<Selectable<AgenciesTable>, 'id' | 'created_at' | 'updated_at'>> {
  const out: Record<string, unknown> = {};
  const map: Record<keyof AgencyFields, keyof AgenciesTable> = {
    name: 'name', shortName: 'short_name', abbreviation: 'abbreviation', level: 'level', parentId: 'parent_id',
    servedById: 'served_by_id', placeName: 'place_name', address: 'address', contactEmail: 'contact_email',
    existedFrom: 'existed_from', existedTo: 'existed_to', active: 'active', note: 'note',
  };
  for (const [key, column] of Object.entries(map) as [keyof AgencyFields, keyof AgenciesTable][]) {
    if (f[key] !== undefined) out[column] = f[key];
  }
  return out;
}

const FOLDED = sql`lt_fold(a.name || ' ' || a.short_name)`;

function conditions(f: AgencySearch) {
  const conds = [];
  // Terms are folded to [a-z0-9] by the use case, so they are safe inside a regular expression.
  for (const term of f.terms ?? []) conds.push(sql`${FOLDED} ~ ${'\\m' + term}`);
  // The use case restricts codeContains to [0-9A-Z.], so it holds no LIKE wildcards.
  if (f.codeContains) conds.push(sql`EXISTS (SELECT 1 FROM agency_codes x WHERE x.agency_id = a.id AND x.code LIKE ${'%' + f.codeContains + '%'})`);
  if (f.level) conds.push(sql`a.level = ${f.level}`);
  if (f.parentId) conds.push(sql`a.parent_id = ${f.parentId}`);
  if (f.active !== undefined) conds.push(sql`a.active = ${f.active}`);
  return conds.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(conds, sql` AND `)}`;
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

  async search(f: AgencySearch): Promise<{ items: AgencyRecord[]; total: number }> {
    const where = conditions(f);
    let q = agencyQuery(this.db).where(where);
    if (f.terms && f.terms.length > 0) q = q.orderBy(sql`similarity(${FOLDED}, ${f.terms.join(' ')}) DESC`);
    const rows = await q.orderBy('a.name').limit(f.limit).offset(f.offset).execute();
    const count = await this.db
      .selectFrom('agencies as a')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow();
    return { items: rows.map(toAgency), total: Number(count.n) };
  }

  async listAll(): Promise<AgencyRecord[]> {
    return (await agencyQuery(this.db).orderBy('a.name').execute()).map(toAgency);
  }

  async findByName(name: string): Promise<AgencyRecord | undefined> {
    const row = await agencyQuery(this.db).where(sql<boolean>`lower(a.name) = lower(${name})`).executeTakeFirst();
    return row && toAgency(row);
  }

  async countChildren(id: string): Promise<number> {
    const row = await this.db.selectFrom('agencies').select((eb) => eb.fn.countAll<string>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async create(fields: AgencyFields): Promise<AgencyRecord> {
    const row = await this.db.insertInto('agencies').values(toColumns(fields) as never).returning('id').executeTakeFirstOrThrow();
    return (await this.findById(row.id))!;
  }

  async update(id: string, patch: Partial<AgencyFields>): Promise<void> {
    const values = toColumns(patch);
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('agencies').set({ ...values, updated_at: sql<Date>`now()` } as never).where('id', '=', id).execute();
  }

  async codeHistory(agencyId: string): Promise<AgencyCodeRecord[]> {
    const rows = await this.db.selectFrom('agency_codes').selectAll().where('agency_id', '=', agencyId).orderBy('valid_from', 'desc').execute();
    return rows.map(toCode);
  }

  async codeUses(code: string): Promise<AgencyCodeRecord[]> {
    const rows = await this.db.selectFrom('agency_codes').selectAll().where('code', '=', code).orderBy('valid_from').execute();
    return rows.map(toCode);
  }

  async openCode(agencyId: string, code: NewAgencyCode): Promise<void> {
    await this.db
      .insertInto('agency_codes')
      .values({ agency_id: agencyId, code: code.code, valid_from: code.validFrom, is_sample: code.isSample, source: code.source })
      .execute();
  }

  async closeCode(codeId: string, validTo: string, successorCode: string | null): Promise<void> {
    await this.db.updateTable('agency_codes').set({ valid_to: validTo, successor_code: successorCode }).where('id', '=', codeId).execute();
  }

  listUnits(agencyId: string): Promise<UnitRecord[]> {
    return listUnits(this.db, agencyId);
  }

  findUnit(id: string): Promise<UnitRecord | undefined> {
    return findUnit(this.db, id);
  }

  createUnit(fields: UnitFields): Promise<UnitRecord> {
    return createUnit(this.db, fields);
  }

  updateUnit(id: string, patch: Partial<Omit<UnitFields, 'agencyId'>>): Promise<void> {
    return updateUnit(this.db, id, patch);
  }
}
