import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  NewSigningKey,
  SigningImageRecord,
  RevocationSourceRecord,
  SigningKeyRecord,
  SigningRepository,
  TrustAnchorRecord,
} from '../../../app/ports/signing.ts';
import type { DB, SigningImagesTable, SigningKeysTable, SigningRevocationSourcesTable, SigningTrustAnchorsTable } from '../schema.ts';

const KEY_COLUMNS = ['id', 'agency_id', 'user_id', 'kind', 'source', 'certificate_chain', 'subject', 'issuer', 'serial', 'not_before', 'not_after', 'active', 'created_at'] as const;

type KeyRow = Pick<Selectable<SigningKeysTable>, (typeof KEY_COLUMNS)[number]>;

function toKey(row: KeyRow): SigningKeyRecord {
  return {
    id: row.id,
    agencyId: row.agency_id,
    userId: row.user_id,
    kind: row.kind,
    source: row.source,
    certificateChain: typeof row.certificate_chain === 'string' ? (JSON.parse(row.certificate_chain) as string[]) : row.certificate_chain,
    subject: row.subject,
    issuer: row.issuer,
    serial: row.serial,
    notBefore: new Date(row.not_before),
    notAfter: new Date(row.not_after),
    active: row.active,
    createdAt: new Date(row.created_at),
  };
}

function toAnchor(row: Selectable<SigningTrustAnchorsTable>): TrustAnchorRecord {
  return {
    id: row.id, kind: row.kind, certificate: row.certificate, fingerprint: row.fingerprint, subject: row.subject, issuer: row.issuer,
    serial: row.serial, notBefore: new Date(row.not_before), notAfter: new Date(row.not_after), createdAt: new Date(row.created_at),
  };
}

function toSource(row: Selectable<SigningRevocationSourcesTable>): RevocationSourceRecord {
  const date = (d: Date | null) => (d === null ? null : new Date(d));
  return {
    id: row.id, url: row.url, crl: row.crl, issuer: row.issuer, thisUpdate: date(row.this_update), nextUpdate: date(row.next_update),
    fetchedAt: date(row.fetched_at), lastError: row.last_error, createdAt: new Date(row.created_at),
  };
}

const IMAGE_COLUMNS = ['id', 'agency_id', 'user_id', 'kind', 'sha256', 'width', 'height', 'diameter_mm', 'valid_from', 'valid_to', 'created_at'] as const;

function toImage(row: Pick<Selectable<SigningImagesTable>, (typeof IMAGE_COLUMNS)[number]>): SigningImageRecord {
  return {
    id: row.id, agencyId: row.agency_id, userId: row.user_id, kind: row.kind, sha256: row.sha256, width: row.width, height: row.height,
    diameterMm: row.diameter_mm === null ? null : Number(row.diameter_mm), validFrom: row.valid_from, validTo: row.valid_to, createdAt: new Date(row.created_at),
  };
}

export class PgSigningRepository implements SigningRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async replaceKey(key: NewSigningKey): Promise<{ record: SigningKeyRecord; replaced: string | undefined }> {
    const retired = await this.db
      .updateTable('signing_keys')
      .set({ active: false })
      .where('agency_id', '=', key.agencyId)
      .where('kind', '=', key.kind)
      .where(sql<boolean>`user_id IS NOT DISTINCT FROM ${key.userId}::uuid`)
      .where('active', '=', true)
      .returning('id')
      .executeTakeFirst();
    const row = await this.db
      .insertInto('signing_keys')
      .values({
        agency_id: key.agencyId, user_id: key.userId, kind: key.kind, source: key.source,
        certificate_chain: JSON.stringify(key.certificateChain), encrypted_key: JSON.stringify(key.encryptedKey), key_aad: key.keyAad ?? null,
        subject: key.subject, issuer: key.issuer, serial: key.serial, not_before: key.notBefore, not_after: key.notAfter, created_by: key.createdBy,
      })
      .returning([...KEY_COLUMNS])
      .executeTakeFirstOrThrow();
    return { record: toKey(row), replaced: retired?.id };
  }

  async listKeys(agencyId: string): Promise<SigningKeyRecord[]> {
    const rows = await this.db.selectFrom('signing_keys').select([...KEY_COLUMNS]).where('agency_id', '=', agencyId).orderBy('active', 'desc').orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(toKey);
  }

  async addTrustAnchor(anchor: Omit<TrustAnchorRecord, 'id' | 'createdAt'> & { createdBy: string | null }): Promise<TrustAnchorRecord> {
    const row = await this.db
      .insertInto('signing_trust_anchors')
      .values({
        kind: anchor.kind, certificate: anchor.certificate, fingerprint: anchor.fingerprint, subject: anchor.subject, issuer: anchor.issuer,
        serial: anchor.serial, not_before: anchor.notBefore, not_after: anchor.notAfter, created_by: anchor.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAnchor(row);
  }

  async findTrustAnchorByFingerprint(fingerprint: string): Promise<TrustAnchorRecord | undefined> {
    const row = await this.db.selectFrom('signing_trust_anchors').selectAll().where('fingerprint', '=', fingerprint).executeTakeFirst();
    return row && toAnchor(row);
  }

  async listTrustAnchors(): Promise<TrustAnchorRecord[]> {
    return (await this.db.selectFrom('signing_trust_anchors').selectAll().orderBy('created_at').orderBy('id').execute()).map(toAnchor);
  }

  async deleteTrustAnchor(id: string): Promise<TrustAnchorRecord | undefined> {
    const row = await this.db.deleteFrom('signing_trust_anchors').where('id', '=', id).returningAll().executeTakeFirst();
    return row && toAnchor(row);
  }

  async addRevocationSource(source: Omit<RevocationSourceRecord, 'id' | 'createdAt' | 'fetchedAt' | 'lastError'> & { createdBy: string | null }): Promise<RevocationSourceRecord> {
    const row = await this.db
      .insertInto('signing_revocation_sources')
      .values({ url: source.url, crl: source.crl, issuer: source.issuer, this_update: source.thisUpdate, next_update: source.nextUpdate, created_by: source.createdBy })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toSource(row);
  }

  async findRevocationSourceByUrl(url: string): Promise<RevocationSourceRecord | undefined> {
    const row = await this.db.selectFrom('signing_revocation_sources').selectAll().where('url', '=', url).executeTakeFirst();
    return row && toSource(row);
  }

  async listRevocationSources(): Promise<RevocationSourceRecord[]> {
    return (await this.db.selectFrom('signing_revocation_sources').selectAll().orderBy('created_at').orderBy('id').execute()).map(toSource);
  }

  async deleteRevocationSource(id: string): Promise<RevocationSourceRecord | undefined> {
    const row = await this.db.deleteFrom('signing_revocation_sources').where('id', '=', id).returningAll().executeTakeFirst();
    return row && toSource(row);
  }

  async addImage(image: Omit<SigningImageRecord, 'id' | 'createdAt'> & { png: string; createdBy: string | null }): Promise<SigningImageRecord> {
    const row = await this.db
      .insertInto('signing_images')
      .values({
        agency_id: image.agencyId, user_id: image.userId, kind: image.kind, png: image.png, sha256: image.sha256, width: image.width, height: image.height,
        diameter_mm: image.diameterMm, valid_from: image.validFrom, valid_to: image.validTo, created_by: image.createdBy,
      })
      .returning([...IMAGE_COLUMNS])
      .executeTakeFirstOrThrow();
    return toImage(row);
  }

  async listImages(agencyId: string): Promise<SigningImageRecord[]> {
    const rows = await this.db.selectFrom('signing_images').select([...IMAGE_COLUMNS]).where('agency_id', '=', agencyId).orderBy('kind').orderBy('valid_from', 'desc').orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map(toImage);
  }

  async findImage(id: string): Promise<(SigningImageRecord & { png: string }) | undefined> {
    const row = await this.db.selectFrom('signing_images').select([...IMAGE_COLUMNS, 'png']).where('id', '=', id).executeTakeFirst();
    return row && { ...toImage(row), png: row.png };
  }
}
