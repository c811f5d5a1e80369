import { Type } from '@sinclair/typebox';
import { finishAssignment } from '../../../../app/incoming/finish-assignment.ts';
import { incomingDepsOf } from '../../../incoming/incoming-deps.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';

export const finishAssignmentRoute = defineRoute({
  method: 'POST',
  url: '/api/assignments/:id/finish',
  summary: 'Finish an assignment; finishing the lead finishes the document (outcome recorded, others closed, 05 if not yet sent, then 06)',
  tags: ['assignments'],
  auth: { kind: 'permission', permission: 'assignment.finish' },
  schema: {
    params: IdParams,
    body: Type.Object({ outcome: Type.Optional(Type.Union([Type.Literal('done'), Type.Literal('replied'), Type.Literal('for_information')])), note: Type.Optional(Type.String({ maxLength: 4000 })) }, { additionalProperties: false }),
    response: { 200: Type.Object({ documentFinished: Type.Boolean() }) },
  },
  handler: async ({ deps, actor, params, body }) => deps.uow.run((tx) => finishAssignment(tx, incomingDepsOf(deps), actor, params.id, body)),
});
