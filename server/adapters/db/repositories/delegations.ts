import type { Kysely } from 'kysely';
import type { DelegationRecord, DelegationRepository, NewDelegation } from '../../../app/ports/delegations.ts';
import type { DB } from '../schema.ts';

export class PgDelegationRepository implements DelegationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private query() {
    return this.db.selectFrom('delegations as d')
      .innerJoin('users as p', 'p.id', 'd.principal_user_id')
      .innerJoin('users as x', 'x.id', 'd.delegate_user_id')
      .select(['d.id', 'd.agency_id', 'd.principal_user_id', 'p.full_name as principal_name', 'd.delegate_user_id', 'x.full_name as delegate_name',
        'd.starts_at', 'd.ends_at', 'd.reason', 'd.created_by', 'd.created_at', 'd.cancelled_at']);
  }

  async findById(id: string): Promise<DelegationRecord | undefined> {
    const r = await this.query().where('d.id', '=', id).executeTakeFirst();
    return r && toRecord(r);
  }

  async list(agencyId: string, options: { userId?: string } = {}): Promise<DelegationRecord[]> {
    let q = this.query().where('d.agency_id', '=', agencyId);
    if (options.userId) {
      const u = options.userId;
      q = q.where((eb) => eb.or([eb('d.principal_user_id', '=', u), eb('d.delegate_user_id', '=', u)]));
    }
    const rows = await q.orderBy((eb) => eb('d.cancelled_at', 'is', null), 'desc').orderBy('d.starts_at', 'desc').limit(500).execute();
    return rows.map(toRecord);
  }

  async listOverlapping(principalUserId: string, startsAt: Date, endsAt: Date): Promise<DelegationRecord[]> {
    const rows = await this.query().where('d.principal_user_id', '=', principalUserId).where('d.cancelled_at', 'is', null)
      .where('d.starts_at', '<', endsAt).where('d.ends_at', '>', startsAt).execute();
    return rows.map(toRecord);
  }

  async listBetween(principalUserId: string, delegateUserId: string): Promise<DelegationRecord[]> {
    const rows = await this.query().where('d.principal_user_id', '=', principalUserId).where('d.delegate_user_id', '=', delegateUserId)
      .where('d.cancelled_at', 'is', null).orderBy('d.starts_at').execute();
    return rows.map(toRecord);
  }

  async insert(d: NewDelegation): Promise<DelegationRecord> {
    const row = await this.db.insertInto('delegations').values({
      agency_id: d.agencyId, principal_user_id: d.principalUserId, delegate_user_id: d.delegateUserId, starts_at: d.startsAt, ends_at: d.endsAt,
      reason: d.reason, created_by: d.createdBy,
    }).returning('id').executeTakeFirstOrThrow();
    return toRecord(await this.query().where('d.id', '=', row.id).executeTakeFirstOrThrow());
  }

  async cancel(id: string, by: string, at: Date): Promise<void> {
    await this.db.updateTable('delegations').set({ cancelled_at: at, cancelled_by: by }).where('id', '=', id).where('cancelled_at', 'is', null).execute();
  }
}

interface Row {
  id: string; agency_id: string; principal_user_id: string; principal_name: string; delegate_user_id: string; delegate_name: string;
  starts_at: Date; ends_at: Date; reason: string; created_by: string; created_at: Date; cancelled_at: Date | null;
}

function toRecord(r: Row): DelegationRecord {
  return {
    id: r.id, agencyId: r.agency_id, principalUserId: r.principal_user_id, principalName: r.principal_name, delegateUserId: r.delegate_user_id,
    delegateName: r.delegate_name, startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at), reason: r.reason, createdBy: r.created_by,
    createdAt: new Date(r.created_at), cancelledAt: r.cancelled_at ? new Date(r.cancelled_at) : null,
  };
}
