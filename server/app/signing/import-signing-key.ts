import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { CertificateInfo, SigningVault } from '../ports/signing-admin.ts';
import type { SigningKeyRecord } from '../ports/signing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertAgencySigningAccess } from './signing-access.ts';

export interface ImportSigningKeyInput {
  agencyId: string;
  kind: 'organisation' | 'personal';
  /** The signer, for a personal key: a user of the same agency. */
  userId?: string;
  pkcs12: Uint8Array;
  password: string;
}

/**
 * An agency administrator imports a PKCS#12 file: the agency's organisation key (the seal) or a
 * signer's personal key. The private key is encrypted under the KEK before it is stored; the
 * audit event and the answer carry the certificate's subject and serial only. The previous key of
 * the same owner is retired (kept, inactive).
 */
export async function importSigningKey(tx: TxPorts, deps: { vault: SigningVault }, actor: Actor | null, input: ImportSigningKeyInput): Promise<{ key: SigningKeyRecord; certificate: CertificateInfo }> {
  assertAgencySigningAccess(actor, input.agencyId);
  const agency = await tx.agencies.findById(input.agencyId);
  if (!agency) throw notFound('Cơ quan');
  if (!agency.code) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Cơ quan chưa có mã định danh nên chưa thể gắn chứng thư số.', { field: 'agencyId' });
  let username: string | undefined;
  if (input.kind === 'personal') {
    if (!input.userId) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Chứng thư cá nhân cần chọn người ký (userId).', { field: 'userId' });
    const user = await tx.users.findById(input.userId);
    if (!user || user.agencyId !== input.agencyId) throw notFound('Người ký');
    username = user.username;
  } else if (input.userId) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Chứng thư của cơ quan không gắn với người dùng (bỏ userId).', { field: 'userId' });
  }
  const identity = input.kind === 'personal' ? { kind: 'personal' as const, agencyCode: agency.code, username: username! } : { kind: 'organisation' as const, agencyCode: agency.code };
  const sealed = deps.vault.sealPkcs12(input.pkcs12, input.password, identity);
  const cert = sealed.certificate;
  const { record, replaced } = await tx.signing.replaceKey({
    agencyId: input.agencyId, userId: input.kind === 'personal' ? input.userId! : null, kind: input.kind, source: 'pkcs12',
    certificateChain: sealed.certificateChain, encryptedKey: sealed.encryptedKey, keyAad: sealed.keyAad,
    subject: cert.subject, issuer: cert.issuer, serial: cert.serialNumber, notBefore: cert.notBefore, notAfter: cert.notAfter,
    createdBy: actor?.userId ?? null,
  });
  await tx.audit.record({
    type: 'signing.key_imported', actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: input.agencyId,
    subjectType: 'signing_key', subjectId: record.id,
    data: { kind: input.kind, userId: record.userId, subject: cert.subject, issuer: cert.issuer, serial: cert.serialNumber, notAfter: cert.notAfter.toISOString(), replaced: replaced ?? null },
  });
  deps.vault.forget();
  return { key: record, certificate: cert };
}
