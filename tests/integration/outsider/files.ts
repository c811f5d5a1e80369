import { Readable } from 'node:stream';
import { createFile } from '../../../server/app/files/create-file.ts';
import type { OutsiderCases } from './types.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

export const fileCases: OutsiderCases = {
  'POST /api/files': { kind: 'self', why: 'stores the upload under the caller’s own agency only; it takes no id of another agency’s data' },
  'GET /api/files/:id': {
    kind: 'tenant',
    outsider: 'vanthu.stc',
    // Stored through the use case rather than a second login: the suite stays under the login rate limit.
    prepare: async (env) => {
      const clerk = await env.database.db.selectFrom('users').selectAll().where('username', '=', 'vanthu.snv').executeTakeFirstOrThrow();
      const actor = { userId: clerk.id, username: clerk.username, fullName: clerk.full_name, agencyId: clerk.agency_id, unitId: clerk.unit_id, roles: ['clerk' as const], servedRoles: {} };
      const file = await createFile({ uow: env.deps.uow, files: env.deps.files }, actor, { source: Readable.from([PDF]), originalName: 'cong-van.pdf', maxBytes: 1 << 20 });
      return { method: 'GET', url: `/api/files/${file.id}` };
    },
  },
};
