import { buffer } from 'node:stream/consumers';
import { caseFileArchive } from '../../../../adapters/export/case-file-archive.ts';
import { closeCaseFile } from '../../../../app/incoming/close-case-file.ts';
import { exportCaseFile } from '../../../../app/incoming/export-case-file.ts';
import { Type } from '@sinclair/typebox';
import type { CaseFileRecord } from '../../../../app/ports/incoming.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { contentDisposition } from '../files/get-file.ts';

const S = Type.String();
export const CaseFileBody = Type.Object({ id: S, year: Type.Integer(), notation: S, title: S, retention: S, keeperUserId: S, openedAt: S, closedAt: Type.Union([S, Type.Null()]), documents: Type.Optional(Type.Integer()) });
export const presentCaseFile = (c: CaseFileRecord & { documents?: number }) => ({ ...c, openedAt: c.openedAt.toISOString(), closedAt: c.closedAt?.toISOString() ?? null });

export const closeCaseFileRoute = defineRoute({
  method: 'POST', url: '/api/case-files/:id/close', summary: 'Close a case file (its keeper or a leader): no more documents can be filed into it', tags: ['case-files'],
  auth: { kind: 'permission', permission: 'casefile.manage' },
  schema: { params: IdParams, response: { 200: CaseFileBody } },
  handler: async ({ deps, actor, params }) => presentCaseFile(await deps.uow.run((tx) => closeCaseFile(tx, deps, actor, params.id))),
});

export const exportCaseFileRoute = defineRoute({
  method: 'GET', url: '/api/case-files/:id/export',
  summary: 'A case file as a ZIP: the list of documents (PDF, chronological), its metadata (XML, Decree 30 App. VI tags) and the files of the documents the caller may see (logged)',
  tags: ['case-files'],
  auth: { kind: 'permission', permission: 'casefile.manage' },
  schema: { params: IdParams, response: { 200: Type.String({ format: 'binary' }) } },
  handler: async ({ deps, actor, params, reply }) => {
    const data = await deps.uow.run((tx) => exportCaseFile(tx, actor, params.id));
    const bytes = await caseFileArchive(data, async (sha256) => buffer(await deps.files.get(sha256)), deps.clock.now());
    reply.header('content-type', 'application/zip').header('content-disposition', contentDisposition(`ho-so-${data.caseFile.year}-${data.caseFile.notation}.zip`))
      .header('cache-control', 'private, no-store');
    return reply.send(bytes);
  },
});
