import { ConfigError, loadConfig, type Config } from '../../config/env.ts';
import { openDatabase, targetFromConfig, type Database } from '../../adapters/db/database.ts';
import { DataDirLockedError } from '../../adapters/db/data-dir-lock.ts';
import { migrateToLatest } from '../../adapters/db/migrator.ts';

/** Prints a configuration or start-up error the operator can act on, and exits non-zero. */
export function fail(error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(`Lỗi cấu hình — ${error.message}`);
    console.error('Xem docs/config.md để biết các biến môi trường hợp lệ.');
    process.exit(2);
  }
  if (error instanceof DataDirLockedError) {
    console.error(`Không thể khởi động: ${error.message}`);
    process.exit(3);
  }
  const message = (error as Error).message ?? String(error);
  console.error(message.startsWith('DATABASE_URL') ? `Lỗi cấu hình — ${message}` : `Lỗi: ${message}`);
  process.exit(1);
}

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    fail(error);
  }
}

/** Opens the configured database (embedded or server), migrates it, runs fn and closes it. */
export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = configOrExit();
  let database: Database;
  try {
    database = await openDatabase(targetFromConfig(config));
    await migrateToLatest(database.db);
  } catch (error) {
    fail(error);
  }
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}
