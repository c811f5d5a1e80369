import { LibreOfficeConverter } from '../../adapters/convert/libreoffice-converter.ts';
import { EdxmlDocumentPackageBuilder, EdxmlStatusPackageReader } from '../../adapters/hub/document-package-builder.ts';
import { FileRegisterExporter } from '../../adapters/export/register-exporter.ts';
import type { OutgoingDeps } from '../../app/outgoing/outgoing-deps.ts';
import type { RegisterExporter } from '../../app/ports/register-export.ts';
import type { AppDeps } from '../http/deps.ts';

const cache = new WeakMap<AppDeps, OutgoingDeps>();
export const registerExporter: RegisterExporter = new FileRegisterExporter();

/** The outgoing workflow's ports for one composed application. */
export function outgoingDepsOf(deps: AppDeps, overrides: Partial<OutgoingDeps> = {}): OutgoingDeps {
  const known = Object.keys(overrides).length === 0 ? cache.get(deps) : undefined;
  if (known) return known;
  const signing = overrides.signing ?? deps.signing;
  const built: OutgoingDeps = {
    uow: deps.uow, clock: deps.clock, files: deps.files, signing, packages: new EdxmlDocumentPackageBuilder(signing),
    converter: new LibreOfficeConverter(), statusReader: new EdxmlStatusPackageReader(), ...overrides,
  };
  if (Object.keys(overrides).length === 0) cache.set(deps, built);
  return built;
}
