import type { Command } from 'commander';
import { withDatabase } from '../context.ts';
import { migrateToLatest } from '../../../adapters/db/migrator.ts';

export function register(program: Command): void {
  const db = program.command('db').description('Database maintenance');
  db.command('migrate')
    .description('Apply pending migrations (embedded database in DATA_DIR, or DATABASE_URL)')
    .action(async () => {
      await withDatabase(async (database) => {
        const applied = await migrateToLatest(database.db);
        console.log(applied.length === 0 ? `Cơ sở dữ liệu (${database.kind}) đã ở phiên bản mới nhất.` : `Đã áp dụng ${applied.length} migration trên ${database.kind}.`);
      });
    });
}
