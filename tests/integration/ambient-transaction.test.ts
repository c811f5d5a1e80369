import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { followAmbientTransaction } from '../../server/adapters/db/ambient-transaction.ts';
import { describeEachEngine } from './harness.ts';

// Adapters that read the database on their own (signing keys, trust anchors) are called by use cases
// inside uow.run. On PGlite a query from outside the open transaction would wait for it forever.
describeEachEngine('adapters follow the unit of work they are called in', {}, (env) => {
  it('inside uow.run a follower runs in that transaction (sees its writes, rolls back with it); outside it commits on its own', async () => {
    const e = env();
    const db = e.database.db;
    const follower = followAmbientTransaction(db);
    await sql`CREATE TABLE lt_ambient_probe (x int NOT NULL)`.execute(db);
    const count = async (on: typeof db) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM lt_ambient_probe`.execute(on)).rows[0]!.n);

    const seenInside = await e.deps.uow
      .run(async () => {
        await sql`INSERT INTO lt_ambient_probe (x) VALUES (1)`.execute(follower);
        const n = await follower.transaction().execute((t) => count(t));
        throw Object.assign(new Error('roll back'), { n });
      })
      .catch((err: { n?: number }) => err.n);
    expect(seenInside).toBe(1);
    expect(await count(db)).toBe(0);

    await sql`INSERT INTO lt_ambient_probe (x) VALUES (2)`.execute(follower);
    expect(await count(db)).toBe(1);
  });
});
