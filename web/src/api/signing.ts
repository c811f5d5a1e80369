import { api, request } from './client.ts';

/** Contract: server/entry/http/routes/signing/*.ts. */
export interface Reason {
  code: string;
  label: string;
}

export type SignatureStatus = 'VALID' | 'INVALID' | 'INDETERMINATE';

export interface SignatureResult {
  index: number;
  fieldName: string | null;
  status: SignatureStatus;
  statusLabel: string;
  reasons: Reason[];
  signer: { commonName: string; organisation: string | null; serialNumber: string; issuer: string; subject: string } | null;
  signingTime: string | null;
  coversWholeDocument: boolean;
}

export interface ValidationResult {
  status: SignatureStatus;
  statusLabel: string;
  reasons: Reason[];
  signatures: SignatureResult[];
}

export interface SigningKey {
  id: string;
  kind: 'organisation' | 'personal';
  source: 'test-ca' | 'pkcs12';
  userId: string | null;
  username: string | null;
  fullName: string | null;
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  active: boolean;
  createdAt: string;
  check: { status: SignatureStatus; statusLabel: string; reasons: Reason[] } | null;
}

export interface SigningImage {
  id: string;
  kind: 'seal' | 'signature';
  userId: string | null;
  sha256: string;
  width: number;
  height: number;
  diameterMm: number | null;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
}

export interface TrustAnchor {
  id: string;
  kind: 'root' | 'intermediate';
  subject: string;
  issuer: string;
  serial: string;
  fingerprint: string;
  notBefore: string;
  notAfter: string;
  createdAt: string;
}

export interface RevocationSource {
  id: string;
  url: string | null;
  uploaded: boolean;
  issuer: string | null;
  thisUpdate: string | null;
  nextUpdate: string | null;
  fetchedAt: string | null;
  lastError: string | null;
  createdAt: string;
}

export const validateStoredFile = (fileId: string, signal?: AbortSignal) => api.get<ValidationResult>(`/api/files/${fileId}/signatures`, undefined, signal);
/** A file of an incoming document (its own table; visibility as for the document). */
export const validateIncomingFile = (incomingId: string, fileId: string, signal?: AbortSignal) =>
  api.get<ValidationResult>(`/api/incoming/${incomingId}/files/${fileId}/signatures`, undefined, signal);
export const validateUpload = (file: Blob) => request<ValidationResult>('POST', '/api/signing/validate', { binary: { content: file, contentType: 'application/pdf' } });

export const findSigningKeys = async (signal?: AbortSignal) => (await api.get<{ items: SigningKey[] }>('/api/signing/keys', undefined, signal)).items;
export const importSigningKey = (input: { kind: 'organisation' | 'personal'; userId?: string; pkcs12Base64: string; password: string }) => api.post<SigningKey>('/api/signing/keys', input);

export const findSigningImages = async (signal?: AbortSignal) => (await api.get<{ items: SigningImage[] }>('/api/signing/images', undefined, signal)).items;
export const uploadSigningImage = (input: { kind: 'seal' | 'signature'; userId?: string; pngBase64: string; diameterMm?: number; validFrom?: string; validTo?: string | null }) =>
  api.post<SigningImage>('/api/signing/images', input);
export const signingImageUrl = (id: string) => `/api/signing/images/${id}/png`;

export const findTrustAnchors = async (signal?: AbortSignal) => (await api.get<{ items: TrustAnchor[] }>('/api/signing/trust-anchors', undefined, signal)).items;
export const addTrustAnchor = (input: { kind: 'root' | 'intermediate'; certificateBase64: string }) => api.post<TrustAnchor>('/api/signing/trust-anchors', input);
export const removeTrustAnchor = (id: string) => api.delete<{ ok: true }>(`/api/signing/trust-anchors/${id}`);
export const findRevocationSources = async (signal?: AbortSignal) => (await api.get<{ items: RevocationSource[] }>('/api/signing/revocation-sources', undefined, signal)).items;
export const addRevocationSource = (input: { url?: string; crlBase64?: string }) => api.post<RevocationSource>('/api/signing/revocation-sources', input);
export const removeRevocationSource = (id: string) => api.delete<{ ok: true }>(`/api/signing/revocation-sources/${id}`);

/** A chosen file as base64, for the JSON upload routes. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
