import { Type } from '@sinclair/typebox';
import type { CertificateCheck } from '../../../../app/ports/signing-admin.ts';
import type { RevocationSourceRecord, TrustAnchorRecord } from '../../../../app/ports/signing.ts';
import type { SigningKeyView } from '../../../../app/signing/find-signing-keys.ts';
import { REASON_LABELS, STATUS_LABELS } from '../../../../domain/signature/validation-result.ts';

/** Base64 of a binary upload (PKCS#12, certificate, CRL), at most ~1 MB. */
export const Base64File = (description: string) => Type.String({ minLength: 4, maxLength: 1_400_000, pattern: '^[A-Za-z0-9+/=\\s-]+$', description });

export function decodeBase64(value: string): Uint8Array {
  return new Uint8Array(Buffer.from(value.replace(/\s+/g, ''), 'base64'));
}

const CheckBody = Type.Object({
  status: Type.String(),
  statusLabel: Type.String(),
  reasons: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
});

function presentCheck(check: CertificateCheck) {
  return { status: check.status, statusLabel: STATUS_LABELS[check.status], reasons: check.reasons.map((code) => ({ code, label: REASON_LABELS[code] })) };
}

/** Certificate metadata only: never the key, never the certificate bytes in a list. */
export const SigningKeyBody = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('organisation'), Type.Literal('personal')]),
  source: Type.Union([Type.Literal('test-ca'), Type.Literal('pkcs12')]),
  userId: Type.Union([Type.String(), Type.Null()]),
  username: Type.Union([Type.String(), Type.Null()]),
  fullName: Type.Union([Type.String(), Type.Null()]),
  subject: Type.String(),
  issuer: Type.String(),
  serial: Type.String(),
  notBefore: Type.String({ format: 'date-time' }),
  notAfter: Type.String({ format: 'date-time' }),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  check: Type.Union([CheckBody, Type.Null()]),
});

export function presentSigningKey(key: SigningKeyView) {
  return {
    id: key.id, kind: key.kind, source: key.source, userId: key.userId, username: key.username, fullName: key.fullName,
    subject: key.subject, issuer: key.issuer, serial: key.serial, notBefore: key.notBefore.toISOString(), notAfter: key.notAfter.toISOString(),
    active: key.active, createdAt: key.createdAt.toISOString(), check: key.check ? presentCheck(key.check) : null,
  };
}

export const TrustAnchorBody = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('root'), Type.Literal('intermediate')]),
  subject: Type.String(),
  issuer: Type.String(),
  serial: Type.String(),
  fingerprint: Type.String(),
  notBefore: Type.String({ format: 'date-time' }),
  notAfter: Type.String({ format: 'date-time' }),
  createdAt: Type.String({ format: 'date-time' }),
});

export function presentTrustAnchor(a: TrustAnchorRecord) {
  return {
    id: a.id, kind: a.kind, subject: a.subject, issuer: a.issuer, serial: a.serial, fingerprint: a.fingerprint,
    notBefore: a.notBefore.toISOString(), notAfter: a.notAfter.toISOString(), createdAt: a.createdAt.toISOString(),
  };
}

const nullableDate = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const RevocationSourceBody = Type.Object({
  id: Type.String(),
  url: Type.Union([Type.String(), Type.Null()]),
  uploaded: Type.Boolean(),
  issuer: Type.Union([Type.String(), Type.Null()]),
  thisUpdate: nullableDate,
  nextUpdate: nullableDate,
  fetchedAt: nullableDate,
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

export function presentRevocationSource(s: RevocationSourceRecord) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: s.id, url: s.url, uploaded: s.url === null, issuer: s.issuer, thisUpdate: iso(s.thisUpdate), nextUpdate: iso(s.nextUpdate),
    fetchedAt: iso(s.fetchedAt), lastError: s.lastError, createdAt: s.createdAt.toISOString(),
  };
}
