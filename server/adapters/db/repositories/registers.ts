import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  NewRegisterNumber, RegisterFields, RegisterNumberRecord, RegisterRecord, RegisterRepository,
} from '../../../app/ports/registers.ts';
import type { RegisterDirection } from '../../../domain/register/register.ts';
import type { DB, RegisterNumbersTable, RegistersTable } from '../schema.ts';

function toRegister(r: Selectable<RegistersTable>): RegisterRecord {
  return {
    id: r.id,
    agencyId: r.agency_id,
    direction: r.direction,
    name: r.name,
    year: Number(r.year),
    // jsonb comes back parsed on both engines; a string would mean a driver without the parser.
    typeCodes: typeof r.type_codes === 'string' ? (JSON.parse(r.type_codes) as string[]) : r.type_codes,
    notationPattern: r.notation_pattern,
    volume: Number(r.volume),
    state: r.state,
    createdAt: new Date(r.created_at),
  };
}

function toNumber(r: Selectable<RegisterNumbersTable>): RegisterNumberRecord {
  return {
    id: r.id,
    registerId: r.register_id,
    agencyId: r.agency_id,
    year: Number(r.year),
    number: Number(r.number),
    codeNumber: r.code_number,
    codeNotation: r.code_notation,
    allocatedAt: new Date(r.allocated_at),
    allocatedBy: r.allocated_by,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    voidedAt: r.voided_at && new Date(r.voided_at),
    voidedBy: r.voided_by,
    voidReason: r.void_reason,
  };
}

export class PgRegisterRepository implements RegisterRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async findById(id: string): Promise<RegisterRecord | undefined> {
    const row = await this.db.selectFrom('registers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRegister(row);
  }

  async listByAgency(agencyId: string, filter: { direction?: RegisterDirection; year?: number } = {}): Promise<RegisterRecord[]> {
    let q = this.db.selectFrom('registers').selectAll().where('agency_id', '=', agencyId);
    if (filter.direction) q = q.where('direction', '=', filter.direction);
    if (filter.year !== undefined) q = q.where('year', '=', filter.year);
    const rows = await q
      .orderBy(sql`CASE state WHEN 'open' THEN 0 ELSE 1 END`)
      .orderBy('year', 'desc')
      .orderBy(sql`CASE direction WHEN 'outgoing' THEN 0 WHEN 'incoming' THEN 1 ELSE 2 END`)
      .orderBy('name')
      .execute();
    return rows.map(toRegister);
  }

  async findByName(agencyId: string, year: number, name: string): Promise<RegisterRecord | undefined> {
    const row = await this.db
      .selectFrom('registers')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .where(sql`lower(name)`, '=', name.toLowerCase())
      .executeTakeFirst();
    return row && toRegister(row);
  }

  async create(f: RegisterFields): Promise<RegisterRecord> {
    const row = await this.db
      .insertInto('registers')
      .values({
        agency_id: f.agencyId,
        direction: f.direction,
        name: f.name,
        year: f.year,
        type_codes: JSON.stringify(f.typeCodes),
        notation_pattern: f.notationPattern,
        volume: f.volume,
        state: f.state,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRegister(row);
  }

  async recordNumber(n: NewRegisterNumber): Promise<RegisterNumberRecord> {
    const row = await this.db
      .insertInto('register_numbers')
      .values({
        register_id: n.registerId,
        agency_id: n.agencyId,
        year: n.year,
        number: n.number,
        code_number: n.codeNumber,
        code_notation: n.codeNotation,
        allocated_at: n.allocatedAt,
        allocated_by: n.allocatedBy,
        subject_type: n.subjectType,
        subject_id: n.subjectId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toNumber(row);
  }

  async findNumber(id: string): Promise<RegisterNumberRecord | undefined> {
    const row = await this.db.selectFrom('register_numbers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toNumber(row);
  }

  async numberTaken(agencyId: string, year: number, number: number, codeNotation: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('register_numbers')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .where('number', '=', number)
      .where('code_notation', '=', codeNotation)
      .executeTakeFirst();
    return row !== undefined;
  }

  async voidNumber(id: string, v: { voidedAt: Date; voidedBy: string | null; reason: string }): Promise<void> {
    await this.db
      .updateTable('register_numbers')
      .set({ voided_at: v.voidedAt, voided_by: v.voidedBy, void_reason: v.reason })
      .where('id', '=', id)
      .where('voided_at', 'is', null)
      .execute();
  }

  async listNumbers(registerId: string, year: number): Promise<RegisterNumberRecord[]> {
    const rows = await this.db.selectFrom('register_numbers').selectAll().where('register_id', '=', registerId).where('year', '=', year).orderBy('number').execute();
    return rows.map(toNumber);
  }
}
