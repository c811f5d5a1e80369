import { Type } from '@sinclair/typebox';
import { forwardAssignment } from '../../../../app/incoming/forward-assignment.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { AssignmentBody, LocalDate, presentAssignment } from '../incoming/incoming-schemas.ts';

export const passAssignmentRoute = defineRoute({
  method: 'POST',
  url: '/api/assignments/:id/pass',
  summary: "Pass a unit's assignment to one of its members with a sub-deadline no later than the unit's (head of unit, leader)",
  tags: ['assignments'],
  auth: { kind: 'permission', permission: 'assignment.pass' },
  schema: {
    params: IdParams,
    body: Type.Object({ userId: Type.String({ format: 'uuid' }), deadline: Type.Optional(Type.Union([LocalDate, Type.Null()])), instruction: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false }),
    response: { 201: AssignmentBody },
  },
  handler: async ({ deps, actor, params, body, reply }) => {
    const a = await deps.uow.run((tx) => forwardAssignment(tx, deps, actor, params.id, body));
    reply.status(201);
    return presentAssignment(a);
  },
});
