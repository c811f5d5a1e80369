/**
 * The incoming-document module's ports for one composed application. Signature validation and
 * package signing come from the signing port (`deps.signing`, wired by compose.ts once the signing
 * adapter lands); until then arrivals show "chưa kiểm tra" and status packages go unsigned.
 */
import { EdxmlIncomingPackageParser } from '../../adapters/hub/incoming-package-parser.ts';
import { EdxmlStatusPackageBuilder } from '../../adapters/hub/status-package-builder.ts';
import { createMailer } from '../../adapters/mail/smtp-mailer.ts';
import type { IncomingDeps } from '../../app/incoming/incoming-deps.ts';
import type { DocumentSigning } from '../../app/ports/document-signing.ts';
import { workingCalendar } from '../../domain/calendar/working-calendar.ts';
import type { AppDeps } from '../http/deps.ts';

const cache = new WeakMap<AppDeps, IncomingDeps>();

const UNSIGNED: Pick<DocumentSigning, 'signPackageXml'> = { signPackageXml: (xml) => Promise.resolve(xml) };

export function incomingDepsOf(deps: AppDeps, overrides: Partial<IncomingDeps> & { signPackage?: Pick<DocumentSigning, 'signPackageXml'> } = {}): IncomingDeps {
  const plain = Object.keys(overrides).length === 0;
  if (plain) {
    const known = cache.get(deps);
    if (known) return known;
  }
  const signing = (deps as AppDeps & { signing?: DocumentSigning }).signing;
  const { signPackage, ...rest } = overrides;
  const built: IncomingDeps = {
    uow: deps.uow,
    clock: deps.clock,
    files: deps.files,
    parser: new EdxmlIncomingPackageParser(),
    signing,
    statuses: new EdxmlStatusPackageBuilder(signPackage ?? signing ?? UNSIGNED),
    mailer: createMailer(deps.config.smtp),
    // Weekends only until the operator's holiday calendar is stored (domain.md §2).
    calendar: workingCalendar({ holidays: [], makeUpDays: [] }),
    maxAttachmentBytes: deps.config.fileStore.maxUploadBytes,
    ...rest,
  };
  if (plain) cache.set(deps, built);
  return built;
}
