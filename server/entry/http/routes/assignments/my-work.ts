import { Type } from '@sinclair/typebox';
import { findMyWork } from '../../../../app/incoming/find-my-work.ts';
import { incomingDepsOf } from '../../../incoming/incoming-deps.ts';
import { defineRoute } from '../../route.ts';
import { AgencyQuery, AssignmentBody, presentAssignment } from '../incoming/incoming-schemas.ts';

const N = Type.Union([Type.String(), Type.Null()]);

export const myWorkRoute = defineRoute({
  method: 'GET',
  url: '/api/my-work',
  summary: "The caller's open assignments (and, for whoever assigns, those they assigned), sorted by deadline, overdue flagged with its working days (operator's calendar)",
  tags: ['assignments'],
  auth: { kind: 'session' },
  schema: {
    querystring: AgencyQuery,
    response: { 200: Type.Object({ items: Type.Array(Type.Object({
      assignment: AssignmentBody, overdue: Type.Boolean(), overdueWorkingDays: Type.Integer({ minimum: 0 }), followUp: Type.Boolean(),
      document: Type.Object({ id: Type.String(), subject: Type.String(), senderName: Type.String(), codeNumber: Type.String(), codeNotation: Type.String(), arrivalNumber: Type.Union([Type.Integer(), Type.Null()]), urgency: Type.String(), state: Type.String() }),
      assignee: N,
    })) }) },
  },
  handler: async ({ deps, actor, query }) => {
    const items = await deps.uow.run((tx) => findMyWork(tx, incomingDepsOf(deps), actor, query.agencyId ?? actor.agencyId));
    return { items: items.map((i) => ({ ...i, assignment: presentAssignment(i.assignment), assignee: i.assigneeName })) };
  },
});
