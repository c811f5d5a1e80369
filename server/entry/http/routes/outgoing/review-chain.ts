import { Type } from '@sinclair/typebox';
import { getReviewChain, updateReviewChain } from '../../../../app/outgoing/review-chain.ts';
import { defineRoute } from '../../route.ts';

const Step = Type.Object({
  kind: Type.Union([Type.Literal('unit_head'), Type.Literal('user')]),
  userId: Type.Optional(Type.String({ format: 'uuid' })),
  label: Type.String({ maxLength: 200 }),
}, { additionalProperties: false });

export const getReviewChainRoute = defineRoute({
  method: 'GET',
  url: '/api/outgoing-review-chain',
  summary: "The agency's review chain for drafts (steps before the signer); default: the head of the drafting unit",
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'agency.configure' },
  schema: {
    querystring: Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
    response: { 200: Type.Object({ steps: Type.Array(Step), isDefault: Type.Boolean() }) },
  },
  handler: async ({ deps, actor, query }) => deps.uow.run((tx) => getReviewChain(tx, actor, query.agencyId ?? actor.agencyId)),
});

export const updateReviewChainRoute = defineRoute({
  method: 'PUT',
  url: '/api/outgoing-review-chain',
  summary: "The agency administrator sets the review chain for the agency's drafts",
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'agency.configure' },
  schema: {
    body: Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })), steps: Type.Array(Step, { maxItems: 10 }) }, { additionalProperties: false }),
    response: { 200: Type.Object({ steps: Type.Array(Step), isDefault: Type.Boolean() }) },
  },
  handler: async ({ deps, actor, body }) => ({
    steps: await deps.uow.run((tx) => updateReviewChain(tx, { clock: deps.clock }, actor, body.agencyId ?? actor.agencyId, body.steps)),
    isDefault: false,
  }),
});
