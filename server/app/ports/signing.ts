/** Signing keys, trust anchors and revocation sources as the database keeps them (never a clear key). */
export interface SigningKeyRecord {
  id: string;
  agencyId: string;
  userId: string | null;
  kind: 'organisation' | 'personal';
  source: 'test-ca' | 'pkcs12';
  certificateChain: string[];
  subject: string;
  issuer: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  active: boolean;
  createdAt: Date;
}

export interface NewSigningKey {
  agencyId: string;
  userId: string | null;
  kind: 'organisation' | 'personal';
  source: 'test-ca' | 'pkcs12';
  certificateChain: string[];
  encryptedKey: Record<string, unknown>;
  /** Associated data of encryptedKey (kept with the row; the row is found by ids, not by the agency code). */
  keyAad?: string | null;
  subject: string;
  issuer: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  createdBy: string | null;
}

export interface TrustAnchorRecord {
  id: string;
  kind: 'root' | 'intermediate';
  certificate: string;
  fingerprint: string;
  subject: string;
  issuer: string;
  serial: string;
  notBefore: Date;
  notAfter: Date;
  createdAt: Date;
}

export interface RevocationSourceRecord {
  id: string;
  url: string | null;
  /** Base64 DER CRL: uploaded, or the last one fetched. */
  crl: string | null;
  issuer: string | null;
  thisUpdate: Date | null;
  nextUpdate: Date | null;
  fetchedAt: Date | null;
  lastError: string | null;
  createdAt: Date;
}

export interface SigningRepository extends SigningImageRepository {
  /** Retires the current key of the same agency, kind and person, then stores this one as active. */
  replaceKey(key: NewSigningKey): Promise<{ record: SigningKeyRecord; replaced: string | undefined }>;
  listKeys(agencyId: string): Promise<SigningKeyRecord[]>;
  addTrustAnchor(anchor: Omit<TrustAnchorRecord, 'id' | 'createdAt'> & { createdBy: string | null }): Promise<TrustAnchorRecord>;
  findTrustAnchorByFingerprint(fingerprint: string): Promise<TrustAnchorRecord | undefined>;
  listTrustAnchors(): Promise<TrustAnchorRecord[]>;
  deleteTrustAnchor(id: string): Promise<TrustAnchorRecord | undefined>;
  addRevocationSource(source: Omit<RevocationSourceRecord, 'id' | 'createdAt' | 'fetchedAt' | 'lastError'> & { createdBy: string | null }): Promise<RevocationSourceRecord>;
  findRevocationSourceByUrl(url: string): Promise<RevocationSourceRecord | undefined>;
  listRevocationSources(): Promise<RevocationSourceRecord[]>;
  deleteRevocationSource(id: string): Promise<RevocationSourceRecord | undefined>;
}

export interface SigningImageRecord {
  id: string;
  agencyId: string;
  userId: string | null;
  kind: 'seal' | 'signature';
  sha256: string;
  width: number;
  height: number;
  diameterMm: number | null;
  validFrom: string;
  validTo: string | null;
  createdAt: Date;
}

export interface SigningImageRepository {
  addImage(image: Omit<SigningImageRecord, 'id' | 'createdAt'> & { png: string; createdBy: string | null }): Promise<SigningImageRecord>;
  listImages(agencyId: string): Promise<SigningImageRecord[]>;
  findImage(id: string): Promise<(SigningImageRecord & { png: string }) | undefined>;
}
