import { Type } from '@sinclair/typebox';
import { findEvaluationReports } from '../../../../app/reports/find-evaluation-reports.ts';
import { defineRoute } from '../../route.ts';
import { ArchivedBody, presentArchived } from './report-schemas.ts';

export const findEvaluationReportsRoute = defineRoute({
  method: 'GET',
  url: '/api/reports/evaluations',
  summary: 'The report archive: period, preset, definition version, generation time and trigger of each evaluation',
  tags: ['reports'],
  auth: { kind: 'permission', permission: 'report.province' },
  schema: { response: { 200: Type.Object({ items: Type.Array(ArchivedBody) }) } },
  handler: async ({ deps, actor }) => ({ items: (await deps.uow.run((tx) => findEvaluationReports(tx, actor))).map(presentArchived) }),
});
