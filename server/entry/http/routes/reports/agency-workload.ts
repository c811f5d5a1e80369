import { Type } from '@sinclair/typebox';
import { getAgencyWorkload } from '../../../../app/reports/get-agency-workload.ts';
import { defineRoute } from '../../route.ts';

const Counts = { open: Type.Number(), dueSoon: Type.Number(), overdue: Type.Number() };
const Row = Type.Object({ id: Type.Union([Type.String(), Type.Null()]), name: Type.String(), ...Counts });

export const agencyWorkloadRoute = defineRoute({
  method: 'GET',
  url: '/api/reports/workload',
  summary: "Leaders' view: the agency's open, due-soon and overdue incoming work by unit and by person (heads of unit: their unit)",
  tags: ['reports'],
  // report.agency in the agency asked for: the use case decides, per agency (another agency: 404).
  auth: { kind: 'session' },
  schema: {
    querystring: Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
    response: {
      200: Type.Object({
        agencyId: Type.String(), asOf: Type.String({ format: 'date-time' }), scope: Type.String(),
        totals: Type.Object(Counts), byUnit: Type.Array(Row), byPerson: Type.Array(Row),
      }),
    },
  },
  handler: async ({ deps, actor, query }) => {
    const w = await deps.uow.run((tx) => getAgencyWorkload(tx, { clock: deps.clock }, actor, query.agencyId ?? actor.agencyId));
    return { ...w, asOf: w.asOf.toISOString() };
  },
});
