import { Type } from '@sinclair/typebox';
import { getTracking } from '../../../../app/outgoing/get-tracking.ts';
import { STATUS_NAMES, type StatusCode } from '../../../../domain/exchange/status-codes.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { presentRecipient, RecipientBody } from './outgoing-schemas.ts';

const NStr = Type.Union([Type.String(), Type.Null()]);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const getTrackingRoute = defineRoute({
  method: 'GET',
  url: '/api/outgoing/:id/tracking',
  summary: 'Per recipient: the hub delivery state and the business statuses that came back, with their times',
  tags: ['outgoing'],
  auth: { kind: 'session' },
  schema: {
    params: IdParams,
    response: {
      200: Type.Object({
        packageId: NStr,
        recipients: Type.Array(Type.Object({
          recipient: RecipientBody,
          statusName: NStr,
          delivery: Type.Union([Type.Null(), Type.Object({ id: Type.String(), state: Type.String(), attempts: Type.Integer(), lastErrorCode: NStr, lastErrorMessage: NStr, deliveredAt: NStr, lastAttemptAt: NStr })]),
          events: Type.Array(Type.Object({ statusCode: Type.String(), statusName: Type.String(), description: NStr, occurredAt: Type.String(), receivedAt: Type.String(), outcome: Type.String() })),
        })),
        changes: Type.Array(Type.Object({
          kind: Type.String(), reason: Type.String(), changes: Type.Array(Type.Object({ field: Type.String(), before: Type.Unknown(), after: Type.Unknown() })),
          addedRecipients: Type.Array(Type.String()), replacementId: NStr, packageId: NStr, createdBy: Type.String(), createdAt: Type.String(),
        })),
      }),
    },
  },
  handler: async ({ deps, actor, params }) => {
    const t = await deps.uow.run((tx) => getTracking(tx, actor, params.id));
    return {
      packageId: t.packageId,
      changes: t.changes.map((c) => ({ kind: c.kind, reason: c.reason, changes: c.changes, addedRecipients: c.addedRecipients, replacementId: c.replacementId, packageId: c.packageId, createdBy: c.createdBy, createdAt: c.createdAt.toISOString() })),
      recipients: t.recipients.map((r) => ({
        recipient: presentRecipient(r.recipient),
        statusName: r.recipient.businessStatus ? (STATUS_NAMES[r.recipient.businessStatus as StatusCode] ?? r.recipient.businessStatus) : null,
        delivery: r.delivery && {
          id: r.delivery.id, state: r.delivery.state, attempts: r.delivery.attempts, lastErrorCode: r.delivery.lastErrorCode, lastErrorMessage: r.delivery.lastErrorMessage,
          deliveredAt: iso(r.delivery.deliveredAt), lastAttemptAt: iso(r.delivery.lastAttemptAt),
        },
        events: r.events.map((e) => ({
          statusCode: e.statusCode, statusName: STATUS_NAMES[e.statusCode as StatusCode] ?? e.statusCode, description: e.description,
          occurredAt: e.occurredAt.toISOString(), receivedAt: e.receivedAt.toISOString(), outcome: e.outcome,
        })),
      })),
    };
  },
});
