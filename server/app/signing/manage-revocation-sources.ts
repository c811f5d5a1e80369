import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { SigningVault } from '../ports/signing-admin.ts';
import type { RevocationSourceRecord } from '../ports/signing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertOperator } from './signing-access.ts';

/**
 * Revocation sources: a CRL URL (fetched by the system, refreshed before nextUpdate and at least
 * daily) or a CRL uploaded by the system operator. Without one for a certificate's issuer,
 * validation answers INDETERMINATE / NO_REVOCATION_DATA, never VALID.
 */
export async function addRevocationSource(
  tx: TxPorts,
  deps: { vault: SigningVault },
  actor: Actor | null,
  input: { url?: string; crl?: Uint8Array },
): Promise<RevocationSourceRecord> {
  assertOperator(actor);
  if ((input.url === undefined) === (input.crl === undefined)) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Nhập đúng một trong hai: địa chỉ CRL (url) hoặc tệp CRL (crlBase64).', { field: 'url' });
  }
  let source: RevocationSourceRecord;
  if (input.url !== undefined) {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw new AppError(ErrorCode.VALIDATION_FAILED, `Địa chỉ CRL không hợp lệ: "${input.url}".`, { field: 'url' });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError(ErrorCode.VALIDATION_FAILED, 'Địa chỉ CRL phải bắt đầu bằng http:// hoặc https://.', { field: 'url' });
    if (await tx.signing.findRevocationSourceByUrl(url.toString())) throw new AppError(ErrorCode.CONFLICT, 'Địa chỉ CRL này đã được khai báo.', { field: 'url' });
    source = await tx.signing.addRevocationSource({ url: url.toString(), crl: null, issuer: null, thisUpdate: null, nextUpdate: null, createdBy: actor?.userId ?? null });
  } else {
    const { der, info } = deps.vault.describeCrl(input.crl!);
    source = await tx.signing.addRevocationSource({
      url: null, crl: Buffer.from(der).toString('base64'), issuer: info.issuer, thisUpdate: info.thisUpdate, nextUpdate: info.nextUpdate ?? null, createdBy: actor?.userId ?? null,
    });
  }
  await tx.audit.record({
    type: 'signing.revocation_source_added', actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: null,
    subjectType: 'revocation_source', subjectId: source.id, data: { url: source.url, issuer: source.issuer, thisUpdate: source.thisUpdate?.toISOString() ?? null },
  });
  deps.vault.forget();
  return source;
}

export async function findRevocationSources(tx: TxPorts, actor: Actor | null): Promise<RevocationSourceRecord[]> {
  assertOperator(actor);
  return tx.signing.listRevocationSources();
}

export async function removeRevocationSource(tx: TxPorts, deps: { vault: SigningVault }, actor: Actor | null, id: string): Promise<void> {
  assertOperator(actor);
  const removed = await tx.signing.deleteRevocationSource(id);
  if (!removed) throw notFound('Nguồn danh sách thu hồi');
  await tx.audit.record({
    type: 'signing.revocation_source_removed', actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: null,
    subjectType: 'revocation_source', subjectId: removed.id, data: { url: removed.url, issuer: removed.issuer },
  });
  deps.vault.forget();
}
