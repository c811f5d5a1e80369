import { sql, type Kysely } from 'kysely';
import type { RegisterCounter } from '../../../app/ports/register-counter.ts';
import type { DB } from '../schema.ts';

/**
 * The counter is one row per (register, year). Taking a number is a single UPDATE … RETURNING:
 * the row lock it takes makes concurrent callers queue, each seeing the previous one's increment,
 * so numbers are distinct and gap-free without MAX()+1 or advisory locks.
 */
export class PgRegisterCounter implements RegisterCounter {
  constructor(private readonly db: Kysely<DB>) {}

  async next(registerId: string, year: number): Promise<number> {
    const taken = await this.increment(registerId, year);
    if (taken !== undefined) return taken;
    // First number of the year: create the row. A concurrent first caller makes this a no-op
    // (the unique key waits for its commit), and the UPDATE below then queues behind it.
    await sql`INSERT INTO register_counters (register_id, year, next_number) VALUES (${registerId}, ${year}, 1)
      ON CONFLICT (register_id, year) DO NOTHING`.execute(this.db);
    const after = await this.increment(registerId, year);
    if (after === undefined) throw new Error(`register counter ${registerId}/${year} vanished while taking a number`);
    return after;
  }

  async peek(registerId: string, year: number): Promise<number> {
    const row = await this.db.selectFrom('register_counters').select('next_number').where('register_id', '=', registerId).where('year', '=', year).executeTakeFirst();
    return row?.next_number ?? 1;
  }

  private async increment(registerId: string, year: number): Promise<number | undefined> {
    const r = await sql<{ taken: number }>`UPDATE register_counters SET next_number = next_number + 1
      WHERE register_id = ${registerId} AND year = ${year}
      RETURNING next_number - 1 AS taken`.execute(this.db);
    const taken = r.rows[0]?.taken;
    return taken === undefined ? undefined : Number(taken);
  }
}
