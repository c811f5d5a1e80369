import { Type } from '@sinclair/typebox';
import { findAssignees } from '../../../../app/incoming/find-assignees.ts';
import { defineRoute } from '../../route.ts';
import { AgencyQuery } from './incoming-schemas.ts';

export const findAssigneesRoute = defineRoute({
  method: 'GET',
  url: '/api/incoming-assignees',
  summary: "Units and active staff of the own agency that documents can be presented or assigned to (names, unit, roles)",
  tags: ['incoming'],
  auth: { kind: 'session' },
  schema: {
    querystring: AgencyQuery,
    response: { 200: Type.Object({
      units: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
      users: Type.Array(Type.Object({ id: Type.String(), fullName: Type.String(), title: Type.String(), unitId: Type.Union([Type.String(), Type.Null()]), roles: Type.Array(Type.String()) })),
    }) },
  },
  handler: async ({ deps, actor, query }) => deps.uow.run((tx) => findAssignees(tx, actor, query.agencyId ?? actor.agencyId)),
});
