import { Readable } from 'node:stream';
import type { InjectOptions } from 'fastify';
import { createFile } from '../../../server/app/files/create-file.ts';
import { createDraft } from '../../../server/app/outgoing/create-draft.ts';
import { outgoingDepsOf } from '../../../server/entry/outgoing/outgoing-deps.ts';
import { ensureStcAdmin } from '../directory-fixtures.ts';
import { NAMES, type TestEnv } from '../harness.ts';
import { snvFixture } from '../incoming-fixture.ts';
import type { OutsiderCases } from './types.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A Sở Nội vụ draft addressed to Sở Tài chính, made through the use cases (no extra logins). */
async function victimDraft(env: TestEnv): Promise<{ id: string; recipientId: string }> {
  const u = await env.database.db.selectFrom('users').selectAll().where('username', '=', 'chuyenvien.snv').executeTakeFirstOrThrow();
  const actor = { userId: u.id, username: u.username, fullName: u.full_name, agencyId: u.agency_id, unitId: u.unit_id, roles: ['specialist' as const], servedRoles: {} };
  const file = await createFile({ uow: env.deps.uow, files: env.deps.files }, actor, { source: Readable.from([PDF]), originalName: 'du-thao.pdf', maxBytes: 1 << 20 });
  const doc = await createDraft(outgoingDepsOf(env.deps), actor, { typeCode: 'decision', subject: 'Quyết định nội bộ', mainFileId: file.id, recipientAgencyIds: [await env.agencyId(NAMES.STC)] });
  const recipient = await env.database.db.selectFrom('outgoing_recipients').select('id').where('document_id', '=', doc.id).executeTakeFirstOrThrow();
  return { id: doc.id, recipientId: recipient.id };
}

const onDraft = (outsider: string, request: (d: { id: string; recipientId: string }) => InjectOptions) => ({
  kind: 'tenant' as const,
  outsider,
  prepare: async (env: TestEnv) => request(await victimDraft(env)),
});

const DRAFT = { typeCode: 'decision', subject: 'Sửa trộm' };

/** Outgoing documents belong to one agency: another agency's staff are told they do not exist. */
export const outgoingCases: OutsiderCases = {
  'GET /api/outgoing': { kind: 'tenant', outsider: 'vanthu.stc', prepare: async (env) => ({ method: 'GET', url: `/api/outgoing?agencyId=${await env.agencyId(NAMES.SNV)}&view=all` }) },
  'POST /api/outgoing': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'POST', url: '/api/outgoing', payload: { ...DRAFT, agencyId: await env.agencyId(NAMES.SNV) } }) },
  'GET /api/outgoing/:id': onDraft('giamdoc.stc', (d) => ({ method: 'GET', url: `/api/outgoing/${d.id}` })),
  'PUT /api/outgoing/:id': onDraft('giamdoc.stc', (d) => ({ method: 'PUT', url: `/api/outgoing/${d.id}`, payload: DRAFT })),
  'POST /api/outgoing/:id/submit': onDraft('giamdoc.stc', (d) => ({ method: 'POST', url: `/api/outgoing/${d.id}/submit`, payload: {} })),
  'POST /api/outgoing/:id/approve': onDraft('giamdoc.stc', (d) => ({ method: 'POST', url: `/api/outgoing/${d.id}/approve`, payload: {} })),
  'POST /api/outgoing/:id/return': onDraft('giamdoc.stc', (d) => ({ method: 'POST', url: `/api/outgoing/${d.id}/return`, payload: { comment: 'Trả lại' } })),
  'POST /api/outgoing/:id/sign': onDraft('giamdoc.stc', (d) => ({ method: 'POST', url: `/api/outgoing/${d.id}/sign`, payload: {} })),
  'POST /api/outgoing/:id/issue': onDraft('vanthu.stc', (d) => ({ method: 'POST', url: `/api/outgoing/${d.id}/issue`, payload: {} })),
  'POST /api/outgoing/:id/recall': onDraft('giamdoc.stc', (d) => ({ method: 'POST', url: `/api/outgoing/${d.id}/recall`, payload: { reason: 'Thu hồi trộm' } })),
  'POST /api/outgoing/:id/update': onDraft('giamdoc.stc', (d) => ({ method: 'POST', url: `/api/outgoing/${d.id}/update`, payload: { reason: 'Cập nhật trộm', subject: 'Sửa trộm' } })),
  'POST /api/outgoing/replies': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'POST', url: '/api/outgoing/replies', payload: { incomingId: (await snvFixture(env)).directedId } }) },
  'GET /api/outgoing/:id/tracking': onDraft('vanthu.stc', (d) => ({ method: 'GET', url: `/api/outgoing/${d.id}/tracking` })),
  'POST /api/outgoing/:id/recipients/:recipientId/resend': onDraft('vanthu.stc', (d) => ({ method: 'POST', url: `/api/outgoing/${d.id}/recipients/${d.recipientId}/resend`, payload: {} })),
  'POST /api/outgoing/:id/recipients/:recipientId/paper-sent': onDraft('vanthu.stc', (d) => ({ method: 'POST', url: `/api/outgoing/${d.id}/recipients/${d.recipientId}/paper-sent`, payload: {} })),
  'GET /api/outgoing-review-chain': {
    kind: 'tenant', outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return { method: 'GET', url: `/api/outgoing-review-chain?agencyId=${await env.agencyId(NAMES.SNV)}` };
    },
  },
  'PUT /api/outgoing-review-chain': {
    kind: 'tenant', outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return { method: 'PUT', url: '/api/outgoing-review-chain', payload: { agencyId: await env.agencyId(NAMES.SNV), steps: [] } };
    },
  },
  'GET /api/outgoing-signers': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'GET', url: `/api/outgoing-signers?agencyId=${await env.agencyId(NAMES.SNV)}` }) },
  'GET /api/outgoing-register': { kind: 'tenant', outsider: 'vanthu.stc', prepare: async (env) => ({ method: 'GET', url: `/api/outgoing-register?agencyId=${await env.agencyId(NAMES.SNV)}` }) },
  'GET /api/outgoing-register/export': { kind: 'tenant', outsider: 'vanthu.stc', prepare: async (env) => ({ method: 'GET', url: `/api/outgoing-register/export?agencyId=${await env.agencyId(NAMES.SNV)}&format=xlsx` }) },
  'GET /api/signing-grants': {
    kind: 'tenant', outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      await snvGrant(env);
      return { method: 'GET', url: `/api/signing-grants?agencyId=${await env.agencyId(NAMES.SNV)}` };
    },
  },
  'POST /api/signing-grants': {
    kind: 'tenant', outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      const head = await env.database.db.selectFrom('users').select('id').where('username', '=', 'truongphong.snv').executeTakeFirstOrThrow();
      return { method: 'POST', url: '/api/signing-grants', payload: { agencyId: await env.agencyId(NAMES.SNV), userId: head.id, capacity: 'TL.' } };
    },
  },
  'POST /api/signing-grants/:id/revoke': {
    kind: 'tenant', outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return { method: 'POST', url: `/api/signing-grants/${await snvGrant(env)}/revoke`, payload: {} };
    },
  },
};

/** A "TL." grant of Sở Nội vụ to its head of unit, written through the repository. */
async function snvGrant(env: TestEnv): Promise<string> {
  const head = await env.database.db.selectFrom('users').select('id').where('username', '=', 'truongphong.snv').executeTakeFirstOrThrow();
  const agencyId = await env.agencyId(NAMES.SNV);
  const g = await env.deps.uow.run((tx) => tx.outgoing.addSigningGrant({
    agencyId, userId: head.id, capacity: 'TL.', typeCodes: null, validFrom: null, validUntil: null, reference: null, grantedBy: null, createdAt: env.clock.now(),
  }));
  return g.id;
}
