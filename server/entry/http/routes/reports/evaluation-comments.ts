import { Type } from '@sinclair/typebox';
import { createEvaluationComment, findEvaluationComments } from '../../../../app/reports/find-evaluation-reports.ts';
import { defineRoute } from '../../route.ts';
import { CommentBody, PeriodQuery, presentComment } from './report-schemas.ts';

export const findEvaluationCommentsRoute = defineRoute({
  method: 'GET',
  url: '/api/reports/comments',
  summary: 'Supervisors’ comments on an evaluation period',
  tags: ['reports'],
  auth: { kind: 'permission', permission: 'report.province' },
  schema: { querystring: PeriodQuery, response: { 200: Type.Object({ items: Type.Array(CommentBody) }) } },
  handler: async ({ deps, actor, query }) => ({ items: (await deps.uow.run((tx) => findEvaluationComments(tx, actor, query))).map(presentComment) }),
});

export const createEvaluationCommentRoute = defineRoute({
  method: 'POST',
  url: '/api/reports/comments',
  summary: 'Annotate an evaluation period, for the province or one agency; printed in the next generated report',
  tags: ['reports'],
  auth: { kind: 'permission', permission: 'report.province' },
  schema: {
    body: Type.Object({
      start: Type.String({ format: 'date' }), end: Type.String({ format: 'date' }),
      agencyId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
      body: Type.String({ minLength: 1, maxLength: 4000 }),
    }, { additionalProperties: false }),
    response: { 201: CommentBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const comment = await deps.uow.run((tx) => createEvaluationComment(tx, { clock: deps.clock }, actor, body));
    reply.status(201);
    return presentComment(comment);
  },
});
