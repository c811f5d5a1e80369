import { LibreOfficeConverter } from '../../adapters/convert/libreoffice-converter.ts';
import { EdxmlDocumentPackageBuilder, EdxmlStatusPackageReader } from '../../adapters/hub/document-package-builder.ts';
import { FileRegisterExporter } from '../../adapters/export/register-exporter.ts';
import { AppError, ErrorCode } from '../../app/errors.ts';
import type { OutgoingDeps } from '../../app/outgoing/outgoing-deps.ts';
import type { DocumentSigning } from '../../app/ports/document-signing.ts';
import type { RegisterExporter } from '../../app/ports/register-export.ts';
import type { AppDeps } from '../http/deps.ts';

const unavailable = (): never => {
  throw new AppError(ErrorCode.OUTGOING_SIGNING_UNAVAILABLE, 'Chức năng ký số chưa được cấu hình trên máy chủ này; chưa ký, phát hành được văn bản.');
};

/** Until a signing adapter is wired as `deps.signing`, signing and issuing answer 503 with a sentence. */
const noSigning: DocumentSigning = {
  placeStampFields: async () => unavailable(),
  signPersonal: async () => unavailable(),
  fillStampFields: async () => unavailable(),
  signOrganisation: async () => unavailable(),
  signAttachment: async () => unavailable(),
  validate: async () => unavailable(),
  signPackageXml: async () => unavailable(),
};

const cache = new WeakMap<AppDeps, OutgoingDeps>();
export const registerExporter: RegisterExporter = new FileRegisterExporter();

/** The outgoing workflow's ports for one composed application. */
export function outgoingDepsOf(deps: AppDeps, overrides: Partial<OutgoingDeps> = {}): OutgoingDeps {
  const known = Object.keys(overrides).length === 0 ? cache.get(deps) : undefined;
  if (known) return known;
  const signing = overrides.signing ?? (deps as AppDeps & { signing?: DocumentSigning }).signing ?? noSigning;
  const built: OutgoingDeps = {
    uow: deps.uow, clock: deps.clock, files: deps.files, signing, packages: new EdxmlDocumentPackageBuilder(signing),
    converter: new LibreOfficeConverter(), statusReader: new EdxmlStatusPackageReader(), ...overrides,
  };
  if (Object.keys(overrides).length === 0) cache.set(deps, built);
  return built;
}
