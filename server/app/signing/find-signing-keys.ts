import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { CertificateCheck, SigningVault } from '../ports/signing-admin.ts';
import type { SigningKeyRecord } from '../ports/signing.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';
import { assertAgencySigningAccess } from './signing-access.ts';

export interface SigningKeyView extends SigningKeyRecord {
  username: string | null;
  fullName: string | null;
  /** Usable now: chain to a configured anchor, validity, revocation. Retired keys are not checked. */
  check: CertificateCheck | null;
}

/**
 * The agency's keys (active first) with who holds them and whether each certificate is usable now.
 * The certificate check reads trust material itself, so it runs after the transaction.
 */
export async function findSigningKeys(deps: { uow: UnitOfWork; vault: SigningVault; now: Date }, actor: Actor | null, agencyId: string): Promise<SigningKeyView[]> {
  const listed = await deps.uow.run(async (tx) => {
    assertAgencySigningAccess(actor, agencyId);
    if (!(await tx.agencies.findById(agencyId))) throw notFound('Cơ quan');
    const keys = await tx.signing.listKeys(agencyId);
    const out: Omit<SigningKeyView, 'check'>[] = [];
    for (const key of keys) {
      const user = key.userId ? await tx.users.findById(key.userId) : undefined;
      out.push({ ...key, username: user?.username ?? null, fullName: user?.fullName ?? null });
    }
    return out;
  });
  const result: SigningKeyView[] = [];
  for (const key of listed) result.push({ ...key, check: key.active ? await deps.vault.checkCertificate(key.certificateChain, deps.now) : null });
  return result;
}
