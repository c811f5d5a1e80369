import type { Kysely } from 'kysely';
import type { Clock } from '../../../app/ports/clock.ts';
import { createDefaultRegisters } from '../../../app/registers/create-register.ts';
import type { DB } from '../schema.ts';
import { txPorts } from '../unit-of-work.ts';

/**
 * Opens the outgoing, incoming and copy registers for the current year (Vietnam time) in every agency
 * where a demo user holds a role (their own and those they serve). Idempotent: an agency that already
 * has an open register of a direction keeps it.
 */
export async function openDemoRegisters(db: Kysely<DB>, deps: { clock: Clock }): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const agencies = await trx.selectFrom('user_roles').select('agency_id').distinct().execute();
    const tx = txPorts(trx, deps.clock);
    let created = 0;
    for (const a of agencies) created += (await createDefaultRegisters(tx, deps, null, a.agency_id)).length;
    return created;
  });
}
