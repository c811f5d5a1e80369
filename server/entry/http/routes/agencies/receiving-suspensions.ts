import { Type } from '@sinclair/typebox';
import { findReceivingSuspensions, removeReceivingSuspension, suspendReceiving } from '../../../../app/agencies/receiving-suspensions.ts';
import type { ReceivingSuspension } from '../../../../app/ports/receiving-suspensions.ts';
import { defineRoute } from '../../route.ts';
import { IdParams, Ok } from '../../schemas.ts';

const SuspensionBody = Type.Object({
  id: Type.String(), agencyId: Type.String(), agencyName: Type.String(), startsOn: Type.String(), endsOn: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(), createdAt: Type.String(),
});
const present = (s: ReceivingSuspension) => ({ ...s, createdAt: s.createdAt.toISOString() });

export const findReceivingSuspensionsRoute = defineRoute({
  method: 'GET',
  url: '/api/receiving-suspensions',
  summary: 'Agencies the system operator says do not receive through the system, with dates (R15 "receiving suspended")',
  tags: ['agencies'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: { response: { 200: Type.Object({ items: Type.Array(SuspensionBody) }) } },
  handler: async ({ deps, actor }) => ({ items: (await deps.uow.run((tx) => findReceivingSuspensions(tx, actor))).map(present) }),
});

export const suspendReceivingRoute = defineRoute({
  method: 'POST',
  url: '/api/receiving-suspensions',
  summary: 'Record that an agency does not receive through the system from a date, until a date or until further notice',
  tags: ['agencies'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: {
    body: Type.Object({
      agencyId: Type.String({ format: 'uuid' }), startsOn: Type.String({ description: 'YYYY-MM-DD' }),
      endsOn: Type.Optional(Type.Union([Type.String({ description: 'YYYY-MM-DD, inclusive' }), Type.Null()])), reason: Type.String({ maxLength: 500 }),
    }, { additionalProperties: false }),
    response: { 201: SuspensionBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const s = await deps.uow.run((tx) => suspendReceiving(tx, actor, body));
    reply.status(201);
    return present(s);
  },
});

export const removeReceivingSuspensionRoute = defineRoute({
  method: 'DELETE',
  url: '/api/receiving-suspensions/:id',
  summary: 'Remove a receiving suspension recorded by mistake',
  tags: ['agencies'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: { params: IdParams, response: { 200: Ok } },
  handler: async ({ deps, actor, params }) => {
    await deps.uow.run((tx) => removeReceivingSuspension(tx, actor, params.id));
    return { ok: true as const };
  },
});
