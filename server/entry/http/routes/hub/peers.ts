import { Type } from '@sinclair/typebox';
import { findPeers } from '../../../../app/hub/find-peers.ts';
import { defineRoute } from '../../route.ts';

const Time = Type.Union([Type.String(), Type.Null()]);

export const peers = defineRoute({
  method: 'GET',
  url: '/api/hub/peers',
  summary: 'Registered peer hubs and their health: last success, backlog, failures',
  tags: ['hub'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: {
    response: {
      200: Type.Object({
        items: Type.Array(Type.Object({
          id: Type.String(), name: Type.String(), codePrefixes: Type.Array(Type.String()), endpointUrl: Type.Union([Type.String(), Type.Null()]),
          mode: Type.String(), signaturePolicy: Type.String(), certificateCheck: Type.String(), active: Type.Boolean(), lastSuccessAt: Time, lastFailureAt: Time,
          consecutiveFailures: Type.Integer(), waiting: Type.Integer(), dead: Type.Integer(), oldestWaitingAt: Time,
        })),
      }),
    },
  },
  handler: async ({ deps, actor }) => ({ items: await deps.uow.run((tx) => findPeers(tx, actor)) }),
});
