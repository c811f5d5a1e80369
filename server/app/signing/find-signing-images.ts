import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { SigningImageRecord } from '../ports/signing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertAgencySigningAccess } from './signing-access.ts';

/** The agency's seal and signature images (metadata; the picture is fetched one by one). */
export async function findSigningImages(tx: TxPorts, actor: Actor | null, agencyId: string): Promise<SigningImageRecord[]> {
  assertAgencySigningAccess(actor, agencyId);
  if (!(await tx.agencies.findById(agencyId))) throw notFound('Cơ quan');
  return tx.signing.listImages(agencyId);
}

/** One image with its PNG: the agency's administrator, or the signer whose signature it is. */
export async function getSigningImage(tx: TxPorts, actor: Actor | null, id: string): Promise<SigningImageRecord & { png: string }> {
  const image = await tx.signing.findImage(id);
  if (!image) throw notFound('Ảnh');
  // Another agency's image answers like a missing one (assertAgencySigningAccess: 404 to outsiders).
  if (image.userId === null || image.userId !== actor?.userId) assertAgencySigningAccess(actor, image.agencyId);
  return image;
}
