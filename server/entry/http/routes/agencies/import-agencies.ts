import { Type } from '@sinclair/typebox';
import { runImport } from '../../../../app/agencies/import-agencies.ts';
import { defineRoute } from '../../route.ts';

/**
 * The CSV travels as a JSON string (`{ "csv": "…" }`) rather than a text/csv body: the web app
 * reads the chosen file and posts it like every other form, with the same CSRF header and the
 * same JSON error body, and the server needs no second body parser. 2 MB is ample for a province.
 */
export const importAgenciesRoute = defineRoute({
  method: 'POST',
  url: '/api/agencies/import',
  summary: 'Import the directory from CSV, all or nothing; a bad row fails with DIRECTORY_IMPORT_INVALID and a per-row report in details.problems',
  tags: ['directory'],
  auth: { kind: 'permission', permission: 'directory.manage' },
  schema: {
    body: Type.Object({
      csv: Type.String({ minLength: 1, description: 'CSV text, UTF-8, header row first (see GET /api/agencies/export)' }),
      dryRun: Type.Optional(Type.Boolean({ description: 'check only, store nothing' })),
    }, { additionalProperties: false }),
    response: {
      200: Type.Object({ rows: Type.Integer(), created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer(), dryRun: Type.Boolean() }),
    },
  },
  handler: async ({ deps, actor, body }) =>
    runImport(deps.uow, { clock: deps.clock }, actor, body.csv, { dryRun: body.dryRun ?? false }),
});
