import type { Kysely } from 'kysely';
import type { Clock } from '../../app/ports/clock.ts';
import type { TxPorts, UnitOfWork } from '../../app/ports/unit-of-work.ts';
import { PgAuditLog } from './audit-log.ts';
import { PgAgencyRepository } from './repositories/agencies.ts';
import { PgSessionRepository, PgUserRepository } from './repositories/users.ts';
import type { DB } from './schema.ts';

export class PgUnitOfWork implements UnitOfWork {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  run<T>(fn: (tx: TxPorts) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) =>
      fn({
        audit: new PgAuditLog(trx, this.clock),
        users: new PgUserRepository(trx),
        sessions: new PgSessionRepository(trx),
        agencies: new PgAgencyRepository(trx),
      }),
    );
  }
}
