import { Type } from '@sinclair/typebox';
import { CALENDAR_YEARS, getWorkCalendarYear, replaceWorkCalendarYear } from '../../../../app/calendar/manage-work-calendar.ts';
import { defineRoute } from '../../route.ts';

const YearParams = Type.Object({ year: Type.Integer({ minimum: CALENDAR_YEARS.min, maximum: CALENDAR_YEARS.max }) });
const CalendarDayBody = Type.Object({
  day: Type.String({ description: 'YYYY-MM-DD' }),
  kind: Type.Union([Type.Literal('day_off'), Type.Literal('make_up')]),
  name: Type.String({ maxLength: 200 }),
}, { additionalProperties: false });
const YearBody = Type.Object({ year: Type.Integer(), days: Type.Array(CalendarDayBody) });

export const getWorkCalendarRoute = defineRoute({
  method: 'GET',
  url: '/api/work-calendar/:year',
  summary: "One year of the working calendar: days off and make-up working days (the system operator's, domain.md §2)",
  tags: ['calendar'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: { params: YearParams, response: { 200: YearBody } },
  handler: async ({ deps, actor, params }) => ({ year: params.year, days: await deps.uow.run((tx) => getWorkCalendarYear(tx, actor, params.year)) }),
});

export const replaceWorkCalendarRoute = defineRoute({
  method: 'PUT',
  url: '/api/work-calendar/:year',
  summary: "Replace one year's days off and make-up working days; reports and default deadlines count working days with them",
  tags: ['calendar'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: { params: YearParams, body: Type.Object({ days: Type.Array(CalendarDayBody, { maxItems: 366 }) }, { additionalProperties: false }), response: { 200: YearBody } },
  handler: async ({ deps, actor, params, body }) => ({ year: params.year, days: await deps.uow.run((tx) => replaceWorkCalendarYear(tx, actor, params.year, body.days)) }),
});

export const calendarRoutes = [getWorkCalendarRoute, replaceWorkCalendarRoute];
