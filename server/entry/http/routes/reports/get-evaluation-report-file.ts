import { Type } from '@sinclair/typebox';
import { getEvaluationReportFile } from '../../../../app/reports/find-evaluation-reports.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { contentDisposition } from '../files/get-file.ts';

const MEDIA = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

export const getEvaluationReportFileRoute = defineRoute({
  method: 'GET',
  url: '/api/reports/evaluations/:id/file',
  summary: 'Download an archived evaluation as XLSX or PDF',
  tags: ['reports'],
  auth: { kind: 'permission', permission: 'report.province' },
  schema: {
    params: IdParams,
    querystring: Type.Object({ format: Type.Union([Type.Literal('xlsx'), Type.Literal('pdf')]) }, { additionalProperties: false }),
    response: { 200: Type.String({ format: 'binary' }) },
  },
  handler: async ({ deps, actor, params, query, reply }) => {
    const { report, bytes } = await deps.uow.run((tx) => getEvaluationReportFile(tx, actor, params.id, query.format));
    const name = `bao-cao-danh-gia-${report.period.start}-${report.period.end}.${query.format}`;
    reply.header('content-type', MEDIA[query.format]).header('content-disposition', contentDisposition(name)).header('cache-control', 'private, no-store');
    return reply.send(Buffer.from(bytes));
  },
});
