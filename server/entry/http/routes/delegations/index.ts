import { Type } from '@sinclair/typebox';
import { cancelDelegation, createDelegation, findDelegations } from '../../../../app/delegations/manage-delegations.ts';
import type { DelegationRecord } from '../../../../app/ports/delegations.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { AgencyQuery } from '../incoming/incoming-schemas.ts';

const S = Type.String();
const DelegationBody = Type.Object({
  id: S, agencyId: S, principalUserId: S, principalName: S, delegateUserId: S, delegateName: S, startsAt: S, endsAt: S, reason: S, createdBy: S, createdAt: S,
  cancelledAt: Type.Union([S, Type.Null()]), active: Type.Boolean({ description: 'in force now (inside the interval, not cancelled)' }),
});
const present = (d: DelegationRecord, now: Date) => ({
  ...d, startsAt: d.startsAt.toISOString(), endsAt: d.endsAt.toISOString(), createdAt: d.createdAt.toISOString(), cancelledAt: d.cancelledAt?.toISOString() ?? null,
  active: d.cancelledAt === null && d.startsAt <= now && now < d.endsAt,
});

export const findDelegationsRoute = defineRoute({
  method: 'GET', url: '/api/delegations', summary: "Delegations of the agency (agency administrator, leader) or those naming the caller", tags: ['delegations'],
  auth: { kind: 'permission', permission: 'delegation.manage' },
  schema: { querystring: AgencyQuery, response: { 200: Type.Object({ items: Type.Array(DelegationBody) }) } },
  handler: async ({ deps, actor, query }) => {
    const items = await deps.uow.run((tx) => findDelegations(tx, actor, query.agencyId ?? actor.agencyId));
    const now = deps.clock.now();
    return { items: items.map((d) => present(d, now)) };
  },
});

export const createDelegationRoute = defineRoute({
  method: 'POST', url: '/api/delegations', summary: 'Record an absence from–to and the leader or deputy who directs for the absent person meanwhile', tags: ['delegations'],
  auth: { kind: 'permission', permission: 'delegation.manage' },
  schema: {
    body: Type.Object({
      agencyId: Type.Optional(Type.String({ format: 'uuid' })),
      principalUserId: Type.Optional(Type.String({ format: 'uuid', description: 'the absent person; default the caller (only the agency administrator names another)' })),
      delegateUserId: Type.String({ format: 'uuid' }),
      startsAt: Type.String({ format: 'date-time' }), endsAt: Type.String({ format: 'date-time' }),
      reason: Type.Optional(Type.String({ maxLength: 500 })),
    }, { additionalProperties: false }),
    response: { 201: DelegationBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const d = await deps.uow.run((tx) => createDelegation(tx, deps, actor, { ...body, agencyId: body.agencyId ?? actor.agencyId }));
    reply.status(201);
    return present(d, deps.clock.now());
  },
});

export const cancelDelegationRoute = defineRoute({
  method: 'POST', url: '/api/delegations/:id/cancel', summary: 'Cancel a delegation (the record stays; a running one stops at once)', tags: ['delegations'],
  auth: { kind: 'permission', permission: 'delegation.manage' },
  schema: { params: IdParams, response: { 200: DelegationBody } },
  handler: async ({ deps, actor, params }) => present(await deps.uow.run((tx) => cancelDelegation(tx, deps, actor, params.id)), deps.clock.now()),
});

export const delegationRoutes = [findDelegationsRoute, createDelegationRoute, cancelDelegationRoute];
