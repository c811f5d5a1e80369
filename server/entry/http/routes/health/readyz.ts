import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import { isMigrated } from '../../../../adapters/db/migrator.ts';
import { defineRoute } from '../../route.ts';

export const readyz = defineRoute({
  method: 'GET',
  url: '/readyz',
  summary: 'Database reachable and migrated',
  tags: ['operations'],
  auth: { kind: 'public', why: 'load balancers probe it; it reveals no data' },
  schema: {
    response: {
      200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }),
      503: Type.Object({ status: Type.Literal('not_ready'), reason: Type.String() }),
    },
  },
  handler: async ({ deps, reply }) => {
    try {
      await sql`SELECT 1`.execute(deps.database.db);
      if (!(await isMigrated(deps.database.db))) return reply.status(503).send({ status: 'not_ready', reason: 'migrations pending' });
      return { status: 'ready' as const, database: deps.database.kind };
    } catch (error) {
      return reply.status(503).send({ status: 'not_ready', reason: `database unreachable: ${(error as Error).message}` });
    }
  },
});
