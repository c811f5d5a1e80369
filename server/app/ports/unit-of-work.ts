import type { AgencyRepository } from './agencies.ts';
import type { AuditLog } from './audit-log.ts';
import type { FileRepository } from './files.ts';
import type { HubRepository, HubTrace } from './hub.ts';
import type { OutgoingRepository } from './outgoing.ts';
import type { AssignmentRepository, IncomingRepository, NotificationRepository } from './incoming.ts';
import type { ChangeRequestRepository } from './incoming-changes.ts';
import type { RegisterCounter } from './register-counter.ts';
import type { RegisterRepository } from './registers.ts';
import type { SearchIndex, SearchRepository } from './search-index.ts';
import type { SessionRepository, UserRepository } from './users.ts';
import type { SupervisionFacts, SupervisionStore } from './supervision.ts';
import type { SigningRepository } from './signing.ts';
import type { WorkCalendar } from './work-calendar.ts';
import type { ReceivingSuspensions } from './receiving-suspensions.ts';
import type { DelegationRepository } from './delegations.ts';

/** Everything a use case may touch inside one database transaction. */
export interface TxPorts {
  audit: AuditLog;
  users: UserRepository;
  sessions: SessionRepository;
  agencies: AgencyRepository;
  hub: HubRepository;
  hubTrace: HubTrace;
  registers: RegisterRepository;
  registerCounter: RegisterCounter;
  files: FileRepository;
  outgoing: OutgoingRepository;
  incoming: IncomingRepository;
  assignments: AssignmentRepository;
  notifications: NotificationRepository;
  /** Received revocations, updates and replacements waiting for the clerk (exchange.md §2.8). */
  changeRequests: ChangeRequestRepository;
  /** The document modules write their entries here (server/app/search/README.md). */
  searchIndex: SearchIndex;
  search: SearchRepository;
  supervisionFacts: SupervisionFacts;
  supervision: SupervisionStore;
  signing: SigningRepository;
  /** The operator's days off and make-up days (domain.md §2). */
  workCalendar: WorkCalendar;
  /** R15: agencies the operator says do not receive through the system, with dates. */
  receivingSuspensions: ReceivingSuspensions;
  /** "Absent from–to, X acts for me" (domain.md §4.3). */
  delegations: DelegationRepository;
}

export interface UnitOfWork {
  /** Runs fn in one transaction: its writes and their audit events commit together or not at all. */
  run<T>(fn: (tx: TxPorts) => Promise<T>): Promise<T>;
}
