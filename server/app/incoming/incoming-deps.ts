import type { WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import type { Clock } from '../ports/clock.ts';
import type { DocumentSigning } from '../ports/document-signing.ts';
import type { FileStore } from '../ports/file-store.ts';
import type { IncomingPackageParser } from '../ports/incoming-package-parser.ts';
import type { Mailer } from '../ports/mailer.ts';
import type { StatusPackageBuilder } from '../ports/status-package-builder.ts';
import type { StatusPackageReader } from '../ports/status-package-reader.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** The ports the incoming-document use cases need (built once per application in entry/incoming-deps.ts). */
export interface IncomingDeps {
  uow: UnitOfWork;
  clock: Clock;
  files: FileStore;
  parser: IncomingPackageParser;
  /** PDF signature validation; undefined only where no signing adapter is wired (arrivals then show "not checked"). */
  signing: Pick<DocumentSigning, 'validate'> | undefined;
  statuses: StatusPackageBuilder;
  /** Reads received status packages (a recall request `13`, C44). */
  statusReader: StatusPackageReader;
  mailer: Mailer | undefined;
  calendar: WorkingCalendar;
  maxAttachmentBytes: number;
}

/** What a use case running inside one transaction needs besides the transaction. */
export type IncomingTxDeps = Pick<IncomingDeps, 'clock' | 'files' | 'statuses' | 'calendar'>;
