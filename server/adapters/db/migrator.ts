import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Every `YYYYMMDDHHMMSS-what.ts` file in ./migrations, in name order; one folder for both engines. */
class FolderProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(folder)).filter((f) => /^\d{14}-[a-z0-9-]+\.ts$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.ts$/, '')] = (await import(pathToFileURL(path.join(folder, file)).href)) as Migration;
    }
    return migrations;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new FolderProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every migration in the folder has been applied (used by /readyz). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function isMigrated(db: Kysely<any>): Promise<boolean> {
  // A process's migration files never change, so once its database has them all it stays so;
  // readiness probes then cost one SELECT 1, not a folder scan.
  if (migratedDatabases.has(db)) return true;
  const migrator = new Migrator({ db, provider: new FolderProvider() });
  const all = await migrator.getMigrations();
  const done = all.every((m) => m.executedAt !== undefined);
  if (done) migratedDatabases.add(db);
  return done;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const migratedDatabases = new WeakSet<Kysely<any>>();
