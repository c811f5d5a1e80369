import { ensureStcAdmin } from '../directory-fixtures.ts';
import { NAMES, type TestEnv } from '../harness.ts';
import { snvFixture } from '../incoming-fixture.ts';
import { ensureUser } from '../incoming-helpers.ts';
import type { OutsiderCases } from './types.ts';

/** An open revocation request on the fixture's directed document (as a received type 1 package leaves it). */
async function openChangeRequest(env: TestEnv): Promise<string> {
  const f = await snvFixture(env);
  const doc = await env.database.db.selectFrom('incoming_documents').select(['agency_id', 'inbox_id', 'document_id', 'sender_code']).where('id', '=', f.directedId).executeTakeFirstOrThrow();
  const row = await env.database.db.insertInto('incoming_change_requests').values({
    agency_id: doc.agency_id, inbox_id: doc.inbox_id!, package_id: 'outsider-case', kind: 'revoke', target_document_id: doc.document_id!, incoming_id: f.directedId,
    replacement_id: null, sender_code: doc.sender_code!, reason: 'Thu hồi', state: 'open', received_at: new Date(), park_until: new Date(Date.now() + 3600_000),
  }).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
  if (row) return row.id;
  return (await env.database.db.selectFrom('incoming_change_requests').select('id').where('incoming_id', '=', f.directedId).executeTakeFirstOrThrow()).id;
}

/** Incoming documents, assignments and case files belong to one agency: Sở Tài chính's staff are told they do not exist. */
export const incomingCases: OutsiderCases = {
  'GET /api/incoming': { kind: 'tenant', outsider: 'vanthu.stc', prepare: async (env) => ({ method: 'GET', url: `/api/incoming?agencyId=${await env.agencyId(NAMES.SNV)}` }) },
  'GET /api/incoming/:id': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'GET', url: `/api/incoming/${(await snvFixture(env)).directedId}` }) },
  'GET /api/incoming/:id/handling-slip': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'GET', url: `/api/incoming/${(await snvFixture(env)).directedId}/handling-slip` }) },
  'GET /api/incoming/:id/files/:fileId': {
    kind: 'tenant', outsider: 'vanthu.stc',
    prepare: async (env) => { const f = await snvFixture(env); return { method: 'GET', url: `/api/incoming/${f.directedId}/files/${f.fileId}` }; },
  },
  'POST /api/incoming/paper': {
    kind: 'tenant', outsider: 'vanthu.stc',
    prepare: async (env) => ({ method: 'POST', url: '/api/incoming/paper', payload: { agencyId: await env.agencyId(NAMES.SNV), fileId: (await snvFixture(env)).workingFileId, senderName: 'X', codeNumber: '1', codeNotation: 'X', promulgationDate: '2026-01-01', typeName: 'Công văn', subject: 'X' } }),
  },
  'POST /api/incoming/:id/register': { kind: 'tenant', outsider: 'vanthu.stc', prepare: async (env) => ({ method: 'POST', url: `/api/incoming/${(await snvFixture(env)).arrivedId}/register`, payload: {} }) },
  'POST /api/incoming/:id/refuse': { kind: 'tenant', outsider: 'vanthu.stc', prepare: async (env) => ({ method: 'POST', url: `/api/incoming/${(await snvFixture(env)).arrivedId}/refuse`, payload: { reason: 'Không nhận' } }) },
  'POST /api/incoming/:id/present': {
    kind: 'tenant', outsider: 'vanthu.stc',
    prepare: async (env) => {
      const leader = await env.database.db.selectFrom('users').select('id').where('username', '=', 'giamdoc.snv').executeTakeFirstOrThrow();
      return { method: 'POST', url: `/api/incoming/${(await snvFixture(env)).directedId}/present`, payload: { leaderUserId: leader.id } };
    },
  },
  'POST /api/incoming/:id/direct': {
    kind: 'tenant', outsider: 'giamdoc.stc',
    prepare: async (env) => {
      const leader = await env.database.db.selectFrom('users').select('id').where('username', '=', 'giamdoc.stc').executeTakeFirstOrThrow();
      return { method: 'POST', url: `/api/incoming/${(await snvFixture(env)).directedId}/direct`, payload: { instruction: 'Chiếm quyền', lead: { userId: leader.id } } };
    },
  },
  'GET /api/incoming-assignees': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'GET', url: `/api/incoming-assignees?agencyId=${await env.agencyId(NAMES.SNV)}` }) },
  'GET /api/incoming-deadlines': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'GET', url: `/api/incoming-deadlines?agencyId=${await env.agencyId(NAMES.SNV)}` }) },
  'PUT /api/incoming-deadlines': {
    kind: 'tenant', outsider: 'quantri.stc',
    prepare: async (env) => {
      await ensureStcAdmin(env);
      return { method: 'PUT', url: '/api/incoming-deadlines', payload: { agencyId: await env.agencyId(NAMES.SNV), settings: [{ typeCode: '*', urgency: 'normal', workingDays: 1 }] } };
    },
  },
  'GET /api/incoming-register': { kind: 'tenant', outsider: 'vanthu.stc', prepare: async (env) => ({ method: 'GET', url: `/api/incoming-register?agencyId=${await env.agencyId(NAMES.SNV)}` }) },
  'GET /api/incoming-register/export': { kind: 'tenant', outsider: 'vanthu.stc', prepare: async (env) => ({ method: 'GET', url: `/api/incoming-register/export?format=xlsx&agencyId=${await env.agencyId(NAMES.SNV)}` }) },
  'GET /api/my-work': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'GET', url: `/api/my-work?agencyId=${await env.agencyId(NAMES.SNV)}` }) },
  'POST /api/assignments/:id/pass': {
    kind: 'tenant', outsider: 'giamdoc.stc',
    prepare: async (env) => {
      const f = await snvFixture(env);
      const leader = await env.database.db.selectFrom('users').select('id').where('username', '=', 'giamdoc.stc').executeTakeFirstOrThrow();
      return { method: 'POST', url: `/api/assignments/${f.unitAssignmentId}/pass`, payload: { userId: leader.id } };
    },
  },
  'POST /api/assignments/:id/comments': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'POST', url: `/api/assignments/${(await snvFixture(env)).personAssignmentId}/comments`, payload: { text: 'Ý kiến người ngoài' } }) },
  'POST /api/assignments/:id/files': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => { const f = await snvFixture(env); return { method: 'POST', url: `/api/assignments/${f.personAssignmentId}/files`, payload: { fileId: f.workingFileId } }; } },
  'POST /api/assignments/:id/extensions': {
    kind: 'tenant', outsider: 'chuyenvien.stc',
    prepare: async (env) => {
      await ensureUser(env, 'chuyenvien.stc', ['specialist'], { agency: NAMES.STC });
      return { method: 'POST', url: `/api/assignments/${(await snvFixture(env)).personAssignmentId}/extensions`, payload: { reason: 'Xin thêm', proposedDeadline: '2099-12-31' } };
    },
  },
  'POST /api/extensions/:id/decision': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'POST', url: `/api/extensions/${(await snvFixture(env)).extensionId}/decision`, payload: { grant: true } }) },
  'POST /api/assignments/:id/finish': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'POST', url: `/api/assignments/${(await snvFixture(env)).personAssignmentId}/finish`, payload: {} }) },
  'GET /api/case-files': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'GET', url: `/api/case-files?agencyId=${await env.agencyId(NAMES.SNV)}` }) },
  'POST /api/case-files': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'POST', url: '/api/case-files', payload: { agencyId: await env.agencyId(NAMES.SNV), title: 'Hồ sơ lạ', notation: 'LA-1' } }) },
  'GET /api/case-files/:id': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'GET', url: `/api/case-files/${(await snvFixture(env)).caseFileId}` }) },
  'POST /api/case-files/:id/documents': {
    kind: 'tenant', outsider: 'giamdoc.stc',
    prepare: async (env) => { const f = await snvFixture(env); return { method: 'POST', url: `/api/case-files/${f.caseFileId}/documents`, payload: { incomingId: f.directedId } }; },
  },
  'POST /api/case-files/:id/close': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'POST', url: `/api/case-files/${(await snvFixture(env)).caseFileId}/close`, payload: {} }) },
  'GET /api/case-files/:id/export': { kind: 'tenant', outsider: 'giamdoc.stc', prepare: async (env) => ({ method: 'GET', url: `/api/case-files/${(await snvFixture(env)).caseFileId}/export` }) },
  'POST /api/incoming-change-requests/:id/answer': {
    kind: 'tenant', outsider: 'vanthu.stc',
    prepare: async (env) => ({ method: 'POST', url: `/api/incoming-change-requests/${await openChangeRequest(env)}/answer`, payload: { accept: true } }),
  },
  'GET /api/incoming-change-requests': { kind: 'tenant', outsider: 'vanthu.stc', prepare: async (env) => ({ method: 'GET', url: `/api/incoming-change-requests?agencyId=${await env.agencyId(NAMES.SNV)}` }) },
  'GET /api/notifications': { kind: 'self', why: 'lists the caller’s own notifications only' },
  'POST /api/notifications/read': { kind: 'self', why: 'marks the caller’s own notifications only (ids of others’ match nothing)' },
  'GET /api/notifications/stream': { kind: 'self', why: 'streams the caller’s own unread count only' },
};
