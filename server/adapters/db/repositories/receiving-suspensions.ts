import { sql, type Kysely } from 'kysely';
import type { ReceivingSuspension, ReceivingSuspensions } from '../../../app/ports/receiving-suspensions.ts';
import type { DB } from '../schema.ts';

export class PgReceivingSuspensions implements ReceivingSuspensions {
  constructor(private readonly db: Kysely<DB>) {}

  private query() {
    return this.db.selectFrom('agency_receiving_suspensions as s').innerJoin('agencies as a', 'a.id', 's.agency_id')
      .select(['s.id', 's.agency_id', 'a.name', 's.reason', 's.created_at',
        sql<string>`to_char(s.starts_on, 'YYYY-MM-DD')`.as('starts_on'), sql<string | null>`to_char(s.ends_on, 'YYYY-MM-DD')`.as('ends_on')]);
  }

  async list(): Promise<ReceivingSuspension[]> {
    return (await this.query().orderBy('s.starts_on', 'desc').orderBy('a.name').execute()).map(toSuspension);
  }

  async add(input: { agencyId: string; startsOn: string; endsOn: string | null; reason: string; createdBy: string | null }): Promise<ReceivingSuspension> {
    const row = await this.db.insertInto('agency_receiving_suspensions')
      .values({ agency_id: input.agencyId, starts_on: input.startsOn, ends_on: input.endsOn, reason: input.reason, created_by: input.createdBy })
      .returning('id').executeTakeFirstOrThrow();
    return toSuspension(await this.query().where('s.id', '=', row.id).executeTakeFirstOrThrow());
  }

  async remove(id: string): Promise<ReceivingSuspension | undefined> {
    const row = await this.query().where('s.id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    await this.db.deleteFrom('agency_receiving_suspensions').where('id', '=', id).execute();
    return toSuspension(row);
  }
}

function toSuspension(r: { id: string; agency_id: string; name: string; reason: string; created_at: Date; starts_on: string; ends_on: string | null }): ReceivingSuspension {
  return { id: r.id, agencyId: r.agency_id, agencyName: r.name, startsOn: r.starts_on, endsOn: r.ends_on, reason: r.reason, createdAt: new Date(r.created_at) };
}
