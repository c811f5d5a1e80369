import { Type } from '@sinclair/typebox';
import { findQueues } from '../../../../app/hub/find-queues.ts';
import { defineRoute } from '../../route.ts';

export const queues = defineRoute({
  method: 'GET',
  url: '/api/hub/queues',
  summary: 'Hub queues: deliveries not yet delivered, by state and route, with the age of the oldest',
  tags: ['hub'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: {
    response: {
      200: Type.Object({
        items: Type.Array(Type.Object({ state: Type.String(), route: Type.String(), count: Type.Integer(), oldestAgeSeconds: Type.Union([Type.Integer(), Type.Null()]) })),
      }),
    },
  },
  handler: async ({ deps, actor }) => ({ items: await deps.uow.run((tx) => findQueues(tx, { clock: deps.clock }, actor)) }),
});
