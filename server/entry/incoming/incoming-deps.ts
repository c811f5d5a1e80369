/**
 * The incoming-document module's ports for one composed application. Signature validation of
 * arrivals and the XML signature of status packages come from the signing port (`deps.signing`).
 */
import { EdxmlIncomingPackageParser } from '../../adapters/hub/incoming-package-parser.ts';
import { EdxmlStatusPackageBuilder } from '../../adapters/hub/status-package-builder.ts';
import { EdxmlStatusPackageReader } from '../../adapters/hub/document-package-builder.ts';
import { createMailer } from '../../adapters/mail/smtp-mailer.ts';
import type { IncomingDeps } from '../../app/incoming/incoming-deps.ts';
import type { DocumentSigning } from '../../app/ports/document-signing.ts';
import { workingCalendar } from '../../domain/calendar/working-calendar.ts';
import type { AppDeps } from '../http/deps.ts';
import { spoolDirOf } from '../http/spool.ts';

const cache = new WeakMap<AppDeps, IncomingDeps>();

export function incomingDepsOf(deps: AppDeps, overrides: Partial<IncomingDeps> & { signPackage?: Pick<DocumentSigning, 'signPackageXml'> } = {}): IncomingDeps {
  const plain = Object.keys(overrides).length === 0;
  if (plain) {
    const known = cache.get(deps);
    if (known) return known;
  }
  const { signPackage, ...rest } = overrides;
  const built: IncomingDeps = {
    uow: deps.uow,
    clock: deps.clock,
    files: deps.files,
    parser: new EdxmlIncomingPackageParser(undefined, spoolDirOf(deps.config.dataDir)),
    signing: deps.signing,
    statuses: new EdxmlStatusPackageBuilder(signPackage ?? deps.signing),
    statusReader: new EdxmlStatusPackageReader(),
    mailer: createMailer(deps.config.smtp),
    // Weekends only here: the use cases add the operator's stored days off (tx.workCalendar, domain.md §2).
    calendar: workingCalendar({ holidays: [], makeUpDays: [] }),
    maxAttachmentBytes: deps.config.fileStore.maxUploadBytes,
    ...rest,
  };
  if (plain) cache.set(deps, built);
  return built;
}

/** Pins the ports the HTTP routes of one composed application use (integration tests pin a signing fake). */
export function pinIncomingDeps(deps: AppDeps, incoming: IncomingDeps): void {
  cache.set(deps, incoming);
}
