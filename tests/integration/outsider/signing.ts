import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createFile } from '../../../server/app/files/create-file.ts';
import path from 'node:path';
import { addRevocationSource } from '../../../server/app/signing/manage-revocation-sources.ts';
import { addTrustAnchor } from '../../../server/app/signing/manage-trust-anchors.ts';
import { uploadSigningImage } from '../../../server/app/signing/upload-signing-image.ts';
import { redRingPng } from '../../../server/adapters/signing/testing/test-pki.ts';
import { ensureStcAdmin } from '../directory-fixtures.ts';
import { snvFixture } from '../incoming-fixture.ts';
import { NAMES, type TestEnv } from '../harness.ts';
import type { OutsiderCases } from './types.ts';

const CA_PEM = readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'signing', 'outsider-root.pem'));
const PUBLIC = 'the built-in test CA’s root certificate and CRL are public by design (relying parties fetch them without an account); they hold no agency’s data';

async function anchorId(env: TestEnv): Promise<string> {
  const existing = await env.database.db.selectFrom('signing_trust_anchors').select('id').executeTakeFirst();
  if (existing) return existing.id;
  return (await env.deps.uow.run((tx) => addTrustAnchor(tx, { vault: env.deps.signingVault }, null, { kind: 'root', certificate: new Uint8Array(CA_PEM) }))).id;
}

async function sourceId(env: TestEnv): Promise<string> {
  const existing = await env.database.db.selectFrom('signing_revocation_sources').select('id').executeTakeFirst();
  if (existing) return existing.id;
  return (await env.deps.uow.run((tx) => addRevocationSource(tx, { vault: env.deps.signingVault }, null, { url: 'http://ca.example.vn/outsider.crl' }))).id;
}

/** An agency's keys are its administrator's; trust anchors and CRLs are the system operator's. */
export const signingCases: OutsiderCases = {
  'GET /api/signing/keys': {
    kind: 'tenant',
    outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return { method: 'GET', url: `/api/signing/keys?agencyId=${await env.agencyId(NAMES.SNV)}` };
    },
  },
  'POST /api/signing/keys': {
    kind: 'tenant',
    outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return { method: 'POST', url: '/api/signing/keys', payload: { agencyId: await env.agencyId(NAMES.SNV), kind: 'organisation', pkcs12Base64: Buffer.from('MIIK not really').toString('base64'), password: 'x' } };
    },
  },
  'GET /api/incoming/:id/files/:fileId/signatures': {
    kind: 'tenant', outsider: 'vanthu.stc',
    prepare: async (env) => { const f = await snvFixture(env); return { method: 'GET', url: `/api/incoming/${f.directedId}/files/${f.fileId}/signatures` }; },
  },
  'GET /api/signing/trust-anchors': { kind: 'permission', outsider: 'quantri.snv', prepare: async () => ({ method: 'GET', url: '/api/signing/trust-anchors' }) },
  'POST /api/signing/trust-anchors': {
    kind: 'permission', outsider: 'quantri.snv',
    prepare: async () => ({ method: 'POST', url: '/api/signing/trust-anchors', payload: { kind: 'root', certificateBase64: CA_PEM.toString('base64') } }),
  },
  'DELETE /api/signing/trust-anchors/:id': {
    kind: 'permission', outsider: 'giamdoc.stc',
    prepare: async (env) => ({ method: 'DELETE', url: `/api/signing/trust-anchors/${await anchorId(env)}` }),
  },
  'GET /api/signing/revocation-sources': { kind: 'permission', outsider: 'vanthu.stc', prepare: async () => ({ method: 'GET', url: '/api/signing/revocation-sources' }) },
  'POST /api/signing/revocation-sources': {
    kind: 'permission', outsider: 'quantri.snv',
    prepare: async () => ({ method: 'POST', url: '/api/signing/revocation-sources', payload: { url: 'http://evil.example/x.crl' } }),
  },
  'DELETE /api/signing/revocation-sources/:id': {
    kind: 'permission', outsider: 'vanthu.stc',
    prepare: async (env) => ({ method: 'DELETE', url: `/api/signing/revocation-sources/${await sourceId(env)}` }),
  },
  'POST /api/signing/images': {
    kind: 'tenant',
    outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return { method: 'POST', url: '/api/signing/images', payload: { agencyId: await env.agencyId(NAMES.SNV), kind: 'seal', pngBase64: Buffer.from(redRingPng(32)).toString('base64') } };
    },
  },
  'GET /api/signing/images': {
    kind: 'tenant',
    outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return { method: 'GET', url: `/api/signing/images?agencyId=${await env.agencyId(NAMES.SNV)}` };
    },
  },
  'GET /api/signing/images/:id/png': {
    kind: 'tenant',
    outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      const agencyId = await env.agencyId(NAMES.SNV);
      const image = await env.deps.uow.run((tx) => uploadSigningImage(tx, { clock: env.clock }, null, { agencyId, kind: 'seal', png: redRingPng(32) }));
      return { method: 'GET', url: `/api/signing/images/${image.id}/png` };
    },
  },
  'POST /api/signing/validate': { kind: 'self', why: 'checks the PDF in the request body against the province-wide trust anchors and CRLs; it stores nothing and reads no agency’s data' },
  'GET /api/files/:id/signatures': {
    kind: 'tenant',
    outsider: 'vanthu.stc',
    prepare: async (env) => {
      const clerk = await env.database.db.selectFrom('users').selectAll().where('username', '=', 'vanthu.snv').executeTakeFirstOrThrow();
      const actor = { userId: clerk.id, username: clerk.username, fullName: clerk.full_name, agencyId: clerk.agency_id, unitId: clerk.unit_id, roles: ['clerk' as const], servedRoles: {} };
      const file = await createFile({ uow: env.deps.uow, files: env.deps.files }, actor, { source: Readable.from([Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')]), originalName: 'da-ky.pdf', maxBytes: 1 << 20 });
      return { method: 'GET', url: `/api/files/${file.id}/signatures` };
    },
  },
  'GET /api/signing/ca/root.crl': { kind: 'public', why: PUBLIC },
  'GET /api/signing/ca/root.crt': { kind: 'public', why: PUBLIC },
};
