import { getIndicatorTrend } from '../../../../app/reports/get-province-indicators.ts';
import { defineRoute } from '../../route.ts';
import { PeriodQuery, TrendBody } from './report-schemas.ts';

export const provinceTrendRoute = defineRoute({
  method: 'GET',
  url: '/api/reports/trend',
  summary: 'The province’s indicators month by month over a period (supervisors)',
  tags: ['reports'],
  auth: { kind: 'permission', permission: 'report.province' },
  schema: { querystring: PeriodQuery, response: { 200: TrendBody } },
  handler: async ({ deps, actor, query }) => deps.uow.run((tx) => getIndicatorTrend(tx, { clock: deps.clock }, actor, query)),
});
