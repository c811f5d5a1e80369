import type { IssueStep } from '../../domain/document/issue-steps.ts';
import type { Clock } from '../ports/clock.ts';
import type { DocumentConverter } from '../ports/document-converter.ts';
import type { DocumentPackageBuilder } from '../ports/document-package-builder.ts';
import type { DocumentSigning } from '../ports/document-signing.ts';
import type { FileStore } from '../ports/file-store.ts';
import type { StatusPackageReader } from '../ports/status-package-reader.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** The ports the outgoing workflow needs (sign and issue do PDF and package work between transactions). */
export interface OutgoingDeps {
  uow: UnitOfWork;
  clock: Clock;
  files: FileStore;
  signing: DocumentSigning;
  packages: DocumentPackageBuilder;
  converter: DocumentConverter;
  statusReader: StatusPackageReader;
  /** Hub node name for the trace (default 'hub'). */
  nodeName?: string;
  /** Fault injection for the crash-safety tests: called inside a step's transaction just before it commits. */
  faults?: { beforeCommit?(step: IssueStep): void };
}
