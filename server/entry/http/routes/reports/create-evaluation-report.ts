import { Type } from '@sinclair/typebox';
import { createEvaluationReport } from '../../../../app/reports/create-evaluation-report.ts';
import { defineRoute } from '../../route.ts';
import { ArchivedBody, presentArchived } from './report-schemas.ts';

export const createEvaluationReportRoute = defineRoute({
  method: 'POST',
  url: '/api/reports/evaluations',
  summary: 'Generate the 6-month, annual or custom-period evaluation now (XLSX and PDF) and keep it in the archive',
  tags: ['reports'],
  auth: { kind: 'permission', permission: 'report.province' },
  schema: {
    body: Type.Object({
      preset: Type.Union([Type.Literal('half_year'), Type.Literal('annual'), Type.Literal('custom')]),
      year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2999 })),
      half: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2)])),
      start: Type.Optional(Type.String({ format: 'date' })),
      end: Type.Optional(Type.String({ format: 'date' })),
    }, { additionalProperties: false }),
    response: { 201: ArchivedBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const archived = await deps.uow.run((tx) => createEvaluationReport(tx, { clock: deps.clock, renderer: deps.reports }, actor, body));
    reply.status(201);
    return presentArchived(archived);
  },
});
