import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../app/ports/clock.ts';
import type { TxPorts, UnitOfWork } from '../../app/ports/unit-of-work.ts';
import { PgAuditLog } from './audit-log.ts';
import { PgHubTrace } from './hub-trace.ts';
import { PgHubRepository } from './repositories/hub.ts';
import { PgAgencyRepository } from './repositories/agencies.ts';
import { PgFileRepository } from './repositories/files.ts';
import { PgOutgoingRepository } from './repositories/outgoing.ts';
import { PgRegisterCounter } from './repositories/register-counter.ts';
import { PgRegisterRepository } from './repositories/registers.ts';
import { PgSessionRepository, PgUserRepository } from './repositories/users.ts';
import { PgSearchIndex, PgSearchRepository } from './repositories/search-documents.ts';
import { PgSupervisionFacts, PgSupervisionStore } from './repositories/supervision.ts';
import { PgSigningRepository } from './repositories/signing.ts';
import { PgWorkCalendar } from './repositories/work-calendar.ts';
import { PgReceivingSuspensions } from './repositories/receiving-suspensions.ts';
import { PgDelegationRepository } from './repositories/delegations.ts';
import type { DB } from './schema.ts';
import { withAmbientTransaction } from './ambient-transaction.ts';
import { PgAssignmentRepository } from './repositories/assignments.ts';
import { PgIncomingRepository } from './repositories/incoming.ts';
import { PgChangeRequestRepository } from './repositories/incoming-changes.ts';
import { PgNotificationRepository } from './repositories/notifications.ts';

export class PgUnitOfWork implements UnitOfWork {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  run<T>(fn: (tx: TxPorts) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => withAmbientTransaction(trx, () => fn(txPorts(trx, this.clock))));
  }
}

/** The repositories and audit log bound to one transaction (also used by the demo seed). */
export function txPorts(trx: Transaction<DB>, clock: Clock): TxPorts {
  return {
    audit: new PgAuditLog(trx, clock),
    users: new PgUserRepository(trx),
    sessions: new PgSessionRepository(trx),
    agencies: new PgAgencyRepository(trx),
    hub: new PgHubRepository(trx),
    hubTrace: new PgHubTrace(trx, clock),
    registers: new PgRegisterRepository(trx),
    registerCounter: new PgRegisterCounter(trx),
    files: new PgFileRepository(trx),
    outgoing: new PgOutgoingRepository(trx),
    incoming: new PgIncomingRepository(trx),
    assignments: new PgAssignmentRepository(trx),
    notifications: new PgNotificationRepository(trx),
    changeRequests: new PgChangeRequestRepository(trx),
    searchIndex: new PgSearchIndex(trx),
    search: new PgSearchRepository(trx),
    supervisionFacts: new PgSupervisionFacts(trx),
    supervision: new PgSupervisionStore(trx),
    signing: new PgSigningRepository(trx),
    workCalendar: new PgWorkCalendar(trx),
    receivingSuspensions: new PgReceivingSuspensions(trx),
    delegations: new PgDelegationRepository(trx),
  };
}
