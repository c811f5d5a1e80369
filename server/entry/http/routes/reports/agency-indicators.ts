import { getIndicatorTrend } from '../../../../app/reports/get-province-indicators.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { PeriodQuery, TrendBody } from './report-schemas.ts';

export const agencyIndicatorsRoute = defineRoute({
  method: 'GET',
  url: '/api/reports/agencies/:id',
  summary: 'Drill-down to one agency: its indicators for the period and month by month (counts only)',
  tags: ['reports'],
  auth: { kind: 'permission', permission: 'report.province' },
  schema: { params: IdParams, querystring: PeriodQuery, response: { 200: TrendBody } },
  handler: async ({ deps, actor, params, query }) => deps.uow.run((tx) => getIndicatorTrend(tx, { clock: deps.clock }, actor, { ...query, agencyId: params.id })),
});
