import type { ColumnType, Generated } from 'kysely';
import type { Timestamp, TimestampDefault, TimestampNull, DateOnly } from './schema-columns.ts';

/** 20261202400000-signing-keys-trust: keys (private key encrypted), trust anchors, revocation sources. */
export interface SigningKeysTable {
  id: Generated<string>;
  agency_id: string;
  user_id: string | null;
  kind: 'organisation' | 'personal';
  source: 'test-ca' | 'pkcs12';
  /** Base64 DER certificates, the signer's first. */
  certificate_chain: ColumnType<string[], string, string>;
  encrypted_key: ColumnType<Record<string, unknown>, string, string>;
  subject: string;
  issuer: string;
  serial: string;
  not_before: Timestamp;
  not_after: Timestamp;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: TimestampDefault;
  /** 20261203100100-signing-keys-aad: the associated data the key was encrypted under (null: derive from the identity). */
  key_aad: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SigningTrustAnchorsTable {
  id: Generated<string>;
  kind: 'root' | 'intermediate';
  certificate: string;
  fingerprint: string;
  subject: string;
  issuer: string;
  serial: string;
  not_before: Timestamp;
  not_after: Timestamp;
  created_by: string | null;
  created_at: TimestampDefault;
}

export interface SigningRevocationSourcesTable {
  id: Generated<string>;
  url: string | null;
  /** Base64 DER CRL: uploaded, or the last one fetched from the URL. */
  crl: string | null;
  issuer: string | null;
  this_update: TimestampNull;
  next_update: TimestampNull;
  fetched_at: TimestampNull;
  last_error: string | null;
  created_by: string | null;
  created_at: TimestampDefault;
}

/** 20261202400100-signing-images: seal per agency, signature per signer, each valid for a period. */
export interface SigningImagesTable {
  id: Generated<string>;
  agency_id: string;
  user_id: string | null;
  kind: 'seal' | 'signature';
  /** Base64 PNG. */
  png: string;
  sha256: string;
  width: number;
  height: number;
  diameter_mm: ColumnType<string | number | null, number | null, number | null>;
  valid_from: DateOnly;
  valid_to: ColumnType<string | null, string | null, string | null>;
  created_by: string | null;
  created_at: TimestampDefault;
}
