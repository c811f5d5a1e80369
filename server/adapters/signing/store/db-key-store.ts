import type { Kysely } from 'kysely';
import type { Clock } from '../../../app/ports/clock.ts';
import type { SigningIdentity } from '../../../app/ports/signer.ts';
import { PgAuditLog } from '../../db/audit-log.ts';
import { PgSigningRepository } from '../../db/repositories/signing.ts';
import type { DB } from '../../db/schema.ts';
import type { EncryptedKey } from '../keys/key-encryption.ts';
import { keyAad, type KeyRecord, type KeyStore } from '../keys/key-store.ts';
import { certificateSummary } from '../pades/certificate-summary.ts';
import { X509Certificate } from 'node:crypto';

/**
 * Keys in the `signing_keys` table behind the KeyStore interface the signers use. An identity
 * names the agency by its identifier code and the signer by username; the row is found by the
 * ids behind them (any code the agency ever held), so one agency's key is never served for another
 * and a new code keeps the key: it is opened with the associated data stored with it (`key_aad`). `put` is the test CA's way in
 * (demo mode): it stores only when no key is active yet, so two processes issuing at once keep
 * one. Imports from PKCS#12 go through the use case (with its audit event) instead.
 */
export class DbKeyStore implements KeyStore {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
  ) {}

  async #owner(identity: SigningIdentity): Promise<{ agencyId: string; userId: string | null } | undefined> {
    const agency = await this.db
      .selectFrom('agency_codes')
      .select('agency_id')
      .where('code', '=', identity.agencyCode)
      .orderBy('valid_from', 'desc')
      .executeTakeFirst();
    if (!agency) return undefined;
    if (identity.kind === 'organisation') return { agencyId: agency.agency_id, userId: null };
    const user = await this.db.selectFrom('users').select('id').where('agency_id', '=', agency.agency_id).where('username', '=', identity.username).executeTakeFirst();
    return user ? { agencyId: agency.agency_id, userId: user.id } : undefined;
  }

  async get(identity: SigningIdentity): Promise<KeyRecord | undefined> {
    const owner = await this.#owner(identity);
    if (!owner) return undefined;
    let query = this.db
      .selectFrom('signing_keys')
      .select(['certificate_chain', 'encrypted_key', 'key_aad', 'source', 'created_at'])
      .where('agency_id', '=', owner.agencyId)
      .where('kind', '=', identity.kind)
      .where('active', '=', true);
    query = owner.userId === null ? query.where('user_id', 'is', null) : query.where('user_id', '=', owner.userId);
    const row = await query.executeTakeFirst();
    if (!row) return undefined;
    return {
      identity,
      certificateChain: row.certificate_chain,
      key: row.encrypted_key as unknown as EncryptedKey,
      ...(row.key_aad ? { aad: row.key_aad } : {}),
      source: row.source,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  async put(record: KeyRecord): Promise<void> {
    const owner = await this.#owner(record.identity);
    if (!owner) throw new Error(`no agency or user behind ${record.identity.kind} key for ${record.identity.agencyCode}`);
    const leaf = new X509Certificate(Buffer.from(record.certificateChain[0]!, 'base64'));
    const summary = certificateSummary(leaf);
    try {
      await this.db.transaction().execute(async (trx) => {
        if (await new DbKeyStore(trx, this.clock).get(record.identity)) return;
        const { record: stored } = await new PgSigningRepository(trx).replaceKey({
          agencyId: owner.agencyId, userId: owner.userId, kind: record.identity.kind, source: record.source,
          certificateChain: record.certificateChain, encryptedKey: record.key as unknown as Record<string, unknown>, keyAad: record.aad ?? keyAad(record.identity),
          subject: summary.subject, issuer: summary.issuer, serial: summary.serialNumber,
          notBefore: new Date(leaf.validFrom), notAfter: new Date(leaf.validTo), createdBy: null,
        });
        await new PgAuditLog(trx, this.clock).record({
          type: 'signing.key_issued', actorUserId: null, actorAgencyId: null, agencyId: owner.agencyId,
          subjectType: 'signing_key', subjectId: stored.id,
          data: { kind: stored.kind, userId: stored.userId, subject: stored.subject, serial: stored.serial, source: stored.source },
        });
      });
    } catch (error) {
      // Another process stored one in the meantime (one active key per owner): keep theirs.
      if (await this.get(record.identity)) return;
      throw error;
    }
  }

  /** Every active key, named by the agency's open identifier code. */
  async list(): Promise<KeyRecord[]> {
    const rows = await this.db
      .selectFrom('signing_keys as k')
      .innerJoin('agency_codes as c', (join) => join.onRef('c.agency_id', '=', 'k.agency_id').on('c.valid_to', 'is', null))
      .leftJoin('users as u', 'u.id', 'k.user_id')
      .select(['k.kind', 'c.code', 'u.username', 'k.certificate_chain', 'k.encrypted_key', 'k.key_aad', 'k.source', 'k.created_at'])
      .where('k.active', '=', true)
      .orderBy('c.code')
      .orderBy('u.username')
      .execute();
    return rows.map((row) => ({
      identity: row.kind === 'personal' ? { kind: 'personal', agencyCode: row.code, username: row.username ?? '' } : { kind: 'organisation', agencyCode: row.code },
      certificateChain: row.certificate_chain,
      key: row.encrypted_key as unknown as EncryptedKey,
      ...(row.key_aad ? { aad: row.key_aad } : {}),
      source: row.source,
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }
}
