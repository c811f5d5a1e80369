import { Type } from '@sinclair/typebox';
import { findNotifications, updateNotificationsRead } from '../../../../app/incoming/notifications.ts';
import { defineRoute } from '../../route.ts';
import { notificationStreamRoute } from './notification-stream.ts';

const S = Type.String();
const N = Type.Union([S, Type.Null()]);

export const findNotificationsRoute = defineRoute({
  method: 'GET', url: '/api/notifications', summary: "The caller's latest notifications and unread count", tags: ['notifications'],
  auth: { kind: 'session' },
  schema: { response: { 200: Type.Object({ unread: Type.Integer(), latestSeq: Type.Integer(), items: Type.Array(Type.Object({ id: S, kind: S, title: S, body: S, incomingId: N, assignmentId: N, createdAt: S, readAt: N })) }) } },
  handler: async ({ deps, actor }) => {
    const r = await deps.uow.run((tx) => findNotifications(tx, actor));
    return { ...r, items: r.items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })) };
  },
});

export const readNotificationsRoute = defineRoute({
  method: 'POST', url: '/api/notifications/read', summary: "Mark the caller's notifications read (some ids, or all)", tags: ['notifications'],
  auth: { kind: 'session' },
  schema: { body: Type.Object({ ids: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500 })), all: Type.Optional(Type.Boolean()) }, { additionalProperties: false }), response: { 200: Type.Object({ updated: Type.Integer() }) } },
  handler: async ({ deps, actor, body }) => deps.uow.run((tx) => updateNotificationsRead(tx, deps, actor, body.all ? 'all' : body.ids ?? [])),
});

export const notificationRoutes = [findNotificationsRoute, readNotificationsRoute, notificationStreamRoute];
