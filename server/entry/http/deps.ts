import type { Config } from '../../config/env.ts';
import type { Database } from '../../adapters/db/database.ts';
import type { Clock } from '../../app/ports/clock.ts';
import type { UnitOfWork } from '../../app/ports/unit-of-work.ts';
import type { PasswordHasher } from '../../app/ports/users.ts';
import type { FileStore } from '../../app/ports/file-store.ts';
import type { DocumentSigning } from '../../app/ports/document-signing.ts';
import type { ReportRenderer } from '../../app/ports/report-renderer.ts';
import type { SigningVault } from '../../app/ports/signing-admin.ts';
import type { TrustSource } from '../../adapters/signing/validation/trust-material.ts';

/** What the HTTP entry hands to use cases. Built once in main.ts (or by the test harness). */
export interface AppDeps {
  config: Config;
  database: Database;
  uow: UnitOfWork;
  clock: Clock;
  hasher: PasswordHasher;
  files: FileStore;
  signing: DocumentSigning;
  reports: ReportRenderer;
  signingVault: SigningVault;
  /** The signing module's trust anchors and CRLs; the hub checks peers' certificates against them. */
  signingTrust?: TrustSource;
}
