import { Type } from '@sinclair/typebox';
import { archiveDocument, createCaseFile, findCaseFiles, getCaseFile } from '../../../../app/incoming/case-files.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { AgencyQuery } from '../incoming/incoming-schemas.ts';
import { CaseFileBody, closeCaseFileRoute, exportCaseFileRoute, presentCaseFile } from './close-export.ts';

const S = Type.String();
const present = presentCaseFile;

export const findCaseFilesRoute = defineRoute({
  method: 'GET', url: '/api/case-files', summary: "The agency's case files (hồ sơ công việc) with their document counts", tags: ['case-files'],
  auth: { kind: 'permission', permission: 'casefile.manage' },
  schema: { querystring: AgencyQuery, response: { 200: Type.Object({ items: Type.Array(CaseFileBody) }) } },
  handler: async ({ deps, actor, query }) => ({ items: (await deps.uow.run((tx) => findCaseFiles(tx, actor, query.agencyId ?? actor.agencyId))).map(present) }),
});

export const createCaseFileRoute = defineRoute({
  method: 'POST', url: '/api/case-files', summary: 'Open a case file: title, notation (unique in the year), retention; the opener keeps it', tags: ['case-files'],
  auth: { kind: 'permission', permission: 'casefile.manage' },
  schema: {
    body: Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })), title: Type.String({ minLength: 1, maxLength: 500 }), notation: Type.String({ minLength: 1, maxLength: 40 }), retention: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }),
    response: { 201: CaseFileBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const c = await deps.uow.run((tx) => createCaseFile(tx, deps, actor, { ...body, agencyId: body.agencyId ?? actor.agencyId }));
    reply.status(201);
    return present(c);
  },
});

export const getCaseFileRoute = defineRoute({
  method: 'GET', url: '/api/case-files/:id', summary: 'A case file and its documents in filing order', tags: ['case-files'],
  auth: { kind: 'permission', permission: 'casefile.manage' },
  schema: {
    params: IdParams,
    response: { 200: Type.Object({ caseFile: CaseFileBody, documents: Type.Array(Type.Object({ ordinal: Type.Integer(), incomingId: S, subject: S, codeNumber: S, codeNotation: S, filedAt: S })) }) },
  },
  handler: async ({ deps, actor, params }) => {
    const r = await deps.uow.run((tx) => getCaseFile(tx, actor, params.id));
    return { caseFile: present(r.caseFile), documents: r.documents.map((d) => ({ ...d, filedAt: d.filedAt.toISOString() })) };
  },
});

export const fileIntoCaseFileRoute = defineRoute({
  method: 'POST', url: '/api/case-files/:id/documents', summary: 'File an incoming document the caller may see into a case file (once; a document may sit in several)', tags: ['case-files'],
  auth: { kind: 'permission', permission: 'casefile.manage' },
  schema: { params: IdParams, body: Type.Object({ incomingId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }), response: { 200: Type.Object({ filed: Type.Boolean() }) } },
  handler: async ({ deps, actor, params, body }) => deps.uow.run((tx) => archiveDocument(tx, deps, actor, params.id, body.incomingId)),
});

export const caseFileRoutes = [findCaseFilesRoute, createCaseFileRoute, getCaseFileRoute, fileIntoCaseFileRoute, closeCaseFileRoute, exportCaseFileRoute];
