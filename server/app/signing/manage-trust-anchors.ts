import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { SigningVault } from '../ports/signing-admin.ts';
import type { TrustAnchorRecord } from '../ports/signing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertOperator } from './signing-access.ts';

/**
 * Trust anchors (domain.md §10.3): the roots of the Government special-use CA and licensed CAs,
 * and their intermediates, uploaded by the system operator. Only CA certificates are accepted.
 */
export async function addTrustAnchor(
  tx: TxPorts,
  deps: { vault: SigningVault },
  actor: Actor | null,
  input: { kind: 'root' | 'intermediate'; certificate: Uint8Array },
): Promise<TrustAnchorRecord> {
  assertOperator(actor);
  const { der, info } = deps.vault.describeCertificate(input.certificate);
  if (!info.isCa) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Chứng thư tải lên không phải chứng thư của tổ chức cung cấp dịch vụ chứng thực (CA).', { field: 'certificate' });
  if (input.kind === 'root' && info.subject !== info.issuer) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Chứng thư gốc phải tự ký (chủ thể trùng tổ chức cấp); chứng thư này là chứng thư trung gian.', { field: 'kind' });
  }
  if (await tx.signing.findTrustAnchorByFingerprint(info.fingerprint)) {
    throw new AppError(ErrorCode.CONFLICT, 'Chứng thư này đã có trong danh sách tin cậy.', { field: 'certificate' });
  }
  const anchor = await tx.signing.addTrustAnchor({
    kind: input.kind, certificate: Buffer.from(der).toString('base64'), fingerprint: info.fingerprint, subject: info.subject, issuer: info.issuer,
    serial: info.serialNumber, notBefore: info.notBefore, notAfter: info.notAfter, createdBy: actor?.userId ?? null,
  });
  await tx.audit.record({
    type: 'signing.trust_anchor_added', actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: null,
    subjectType: 'trust_anchor', subjectId: anchor.id, data: { kind: anchor.kind, subject: anchor.subject, fingerprint: anchor.fingerprint },
  });
  deps.vault.forget();
  return anchor;
}

export async function findTrustAnchors(tx: TxPorts, actor: Actor | null): Promise<TrustAnchorRecord[]> {
  assertOperator(actor);
  return tx.signing.listTrustAnchors();
}

export async function removeTrustAnchor(tx: TxPorts, deps: { vault: SigningVault }, actor: Actor | null, id: string): Promise<void> {
  assertOperator(actor);
  const removed = await tx.signing.deleteTrustAnchor(id);
  if (!removed) throw notFound('Chứng thư tin cậy');
  await tx.audit.record({
    type: 'signing.trust_anchor_removed', actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: null,
    subjectType: 'trust_anchor', subjectId: removed.id, data: { kind: removed.kind, subject: removed.subject, fingerprint: removed.fingerprint },
  });
  deps.vault.forget();
}
