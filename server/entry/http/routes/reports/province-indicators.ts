import { getProvinceIndicators } from '../../../../app/reports/get-province-indicators.ts';
import { defineRoute } from '../../route.ts';
import { PeriodQuery, ProvinceBody, withIso } from './report-schemas.ts';

export const provinceIndicatorsRoute = defineRoute({
  method: 'GET',
  url: '/api/reports/province',
  summary: 'Supervisor dashboard: R1–R15 per agency, level, district and province for a period (counts only, never document content)',
  tags: ['reports'],
  auth: { kind: 'permission', permission: 'report.province' },
  schema: { querystring: PeriodQuery, response: { 200: ProvinceBody } },
  handler: async ({ deps, actor, query }) => withIso(await deps.uow.run((tx) => getProvinceIndicators(tx, { clock: deps.clock }, actor, query))),
});
