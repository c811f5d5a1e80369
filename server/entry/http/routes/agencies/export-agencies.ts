import { Type } from '@sinclair/typebox';
import { exportAgencies } from '../../../../app/agencies/export-agencies.ts';
import { vietnamDate } from '../../../../app/agencies/directory-rules.ts';
import { defineRoute } from '../../route.ts';

export const exportAgenciesRoute = defineRoute({
  method: 'GET',
  url: '/api/agencies/export',
  summary: 'The whole directory as CSV (UTF-8 with BOM so spreadsheets show the diacritics); importing it gives the same directory',
  tags: ['directory'],
  auth: { kind: 'permission', permission: 'directory.manage' },
  schema: { response: { 200: Type.String({ description: 'text/csv' }) } },
  handler: async ({ deps, actor, reply }) => {
    const csv = await deps.uow.run((tx) => exportAgencies(tx, actor));
    const file = `danh-muc-co-quan-${vietnamDate(deps.clock.now())}.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}"`).send(csv);
  },
});
