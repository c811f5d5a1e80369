import type { Command } from 'commander';
import { agencyQuery, toAgency } from '../../../adapters/db/repositories/agencies.ts';
import { withDatabase } from '../context.ts';

export function register(program: Command): void {
  const agency = program.command('agency').description('Agency directory');
  agency
    .command('list')
    .description('List agencies with their open identifier codes')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const rows = await withDatabase(async (database) => (await agencyQuery(database.db).orderBy('c.code').execute()).map(toAgency));
      if (opts.json) {
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      for (const a of rows) console.log(`${(a.code ?? '(không mã)').padEnd(15)} ${a.active ? ' ' : '×'} ${a.name}`);
      console.log(`${rows.length} cơ quan.`);
    });
}
