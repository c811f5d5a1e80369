import { sql, type Kysely, type Selectable } from 'kysely';
import type { UnitFields, UnitRecord } from '../../../app/ports/agencies.ts';
import type { DB, UnitsTable } from '../schema.ts';

function toUnit(r: Selectable<UnitsTable>): UnitRecord {
  return {
    id: r.id,
    agencyId: r.agency_id,
    parentId: r.parent_id,
    name: r.name,
    abbreviation: r.abbreviation,
    isFocalPoint: r.is_focal_point,
    active: r.active,
  };
}

export async function listUnits(db: Kysely<DB>, agencyId: string): Promise<UnitRecord[]> {
  const rows = await db.selectFrom('units').selectAll().where('agency_id', '=', agencyId).orderBy('is_focal_point', 'desc').orderBy('name').execute();
  return rows.map(toUnit);
}

export async function findUnit(db: Kysely<DB>, id: string): Promise<UnitRecord | undefined> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUnit(row);
}

export async function createUnit(db: Kysely<DB>, f: UnitFields): Promise<UnitRecord> {
  const row = await db
    .insertInto('units')
    .values({ agency_id: f.agencyId, parent_id: f.parentId, name: f.name, abbreviation: f.abbreviation, is_focal_point: f.isFocalPoint, active: f.active })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUnit(row);
}

export async function updateUnit(db: Kysely<DB>, id: string, p: Partial<Omit<UnitFields, 'agencyId'>>): Promise<void> {
  const values: Partial<Record<keyof UnitsTable, unknown>> = {};
  if (p.parentId !== undefined) values.parent_id = p.parentId;
  if (p.name !== undefined) values.name = p.name;
  if (p.abbreviation !== undefined) values.abbreviation = p.abbreviation;
  if (p.isFocalPoint !== undefined) values.is_focal_point = p.isFocalPoint;
  if (p.active !== undefined) values.active = p.active;
  if (Object.keys(values).length === 0) return;
  await db.updateTable('units').set({ ...values, updated_at: sql<Date>`now()` } as never).where('id', '=', id).execute();
}
