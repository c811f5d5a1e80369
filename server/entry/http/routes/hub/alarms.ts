import { Type } from '@sinclair/typebox';
import { findHubAlarms } from '../../../../app/hub/find-alarms.ts';
import { defineRoute } from '../../route.ts';

const Common = { waiting: Type.Integer(), since: Type.String(), ageSeconds: Type.Integer() };

export const alarms = defineRoute({
  method: 'GET',
  url: '/api/hub/alarms',
  summary: 'Stuck-queue alarms: the oldest undelivered package, or a peer with a backlog and no success, older than HUB_STUCK_ALARM_MINUTES',
  tags: ['hub'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: {
    response: {
      200: Type.Object({
        thresholdMinutes: Type.Integer(),
        items: Type.Array(Type.Union([
          Type.Object({ kind: Type.Literal('queue'), ...Common }),
          Type.Object({ kind: Type.Literal('peer'), peerId: Type.String(), peerName: Type.String(), lastSuccessAt: Type.Union([Type.String(), Type.Null()]), ...Common }),
        ])),
      }),
    },
  },
  handler: async ({ deps, actor }) => deps.uow.run((tx) => findHubAlarms(tx, { clock: deps.clock, stuckAlarmMinutes: deps.config.hub.stuckAlarmMinutes }, actor)),
});
