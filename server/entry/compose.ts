import type { Config } from '../config/env.ts';
import type { Database } from '../adapters/db/database.ts';
import { PgUnitOfWork } from '../adapters/db/unit-of-work.ts';
import { followAmbientTransaction } from '../adapters/db/ambient-transaction.ts';
import { argon2Hasher } from '../adapters/auth/argon2-hasher.ts';
import { createFileStore } from '../adapters/storage/create-file-store.ts';
import { reportRenderer } from '../adapters/reports/renderer.ts';
import { createSigning } from '../adapters/signing/create-signing.ts';
import { systemClock, type Clock } from '../app/ports/clock.ts';
import type { AppDeps } from './http/deps.ts';

/** Wires adapters to ports once; main.ts, the CLI and the test harness all call this. */
export function composeDeps(config: Config, database: Database, overrides: { clock?: Clock } = {}): AppDeps {
  const clock = overrides.clock ?? systemClock;
  const signing = createSigning({ config, db: followAmbientTransaction(database.db), now: () => clock.now() });
  return {
    config,
    database,
    clock,
    uow: new PgUnitOfWork(database.db, clock),
    hasher: argon2Hasher,
    files: createFileStore(config.fileStore),
    reports: reportRenderer,
    signing: signing.signing,
    signingVault: signing.vault,
    signingTrust: signing.trust,
  };
}
