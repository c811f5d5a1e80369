import { Type } from '@sinclair/typebox';
import { findSigningGrants, grantSigningCapacity, revokeSigningGrant } from '../../../../app/outgoing/signing-grants.ts';
import type { SigningGrantRecord } from '../../../../app/ports/outgoing.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';

const NStr = Type.Union([Type.String(), Type.Null()]);
// Null first: with type coercion a null tried against the string or array branch first would become "" or [""].
const NDate = Type.Union([Type.Null(), Type.String({ format: 'date' })]);

const GrantBody = Type.Object({
  id: Type.String(), agencyId: Type.String(), userId: Type.String(), capacity: Type.String(), typeCodes: Type.Union([Type.Array(Type.String()), Type.Null()]),
  validFrom: NStr, validUntil: NStr, reference: NStr, grantedBy: NStr, createdAt: Type.String(), revokedAt: NStr,
});
const GrantViewBody = Type.Intersect([GrantBody, Type.Object({ userName: Type.String(), userTitle: Type.String() })]);

const present = (g: SigningGrantRecord) => ({ ...g, createdAt: g.createdAt.toISOString(), revokedAt: g.revokedAt ? g.revokedAt.toISOString() : null });

export const findSigningGrantsRoute = defineRoute({
  method: 'GET',
  url: '/api/signing-grants',
  summary: 'The signing capacities (Q., TL., TUQ.) the agency has granted and not withdrawn, with the grantee',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'agency.configure' },
  schema: {
    querystring: Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
    response: { 200: Type.Object({ items: Type.Array(GrantViewBody) }) },
  },
  handler: async ({ deps, actor, query }) => ({
    items: (await deps.uow.run((tx) => findSigningGrants(tx, actor, query.agencyId ?? actor.agencyId))).map((g) => ({ ...present(g), userName: g.userName, userTitle: g.userTitle })),
  }),
});

export const grantSigningCapacityRoute = defineRoute({
  method: 'POST',
  url: '/api/signing-grants',
  summary: 'The agency administrator grants a signing capacity: Q. to a leader or deputy, TL. or TUQ. (with reference and validity) to a unit head, for some types or all',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'agency.configure' },
  schema: {
    body: Type.Object({
      agencyId: Type.Optional(Type.String({ format: 'uuid' })),
      userId: Type.String({ format: 'uuid' }),
      capacity: Type.String({ maxLength: 10 }),
      typeCodes: Type.Optional(Type.Union([Type.Null(), Type.Array(Type.String({ maxLength: 40 }), { maxItems: 40 })])),
      validFrom: Type.Optional(NDate),
      validUntil: Type.Optional(NDate),
      reference: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 300 })])),
    }, { additionalProperties: false }),
    response: { 201: GrantBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const grant = await deps.uow.run((tx) => grantSigningCapacity(tx, { clock: deps.clock }, actor, body.agencyId ?? actor.agencyId, {
      userId: body.userId, capacity: body.capacity, typeCodes: body.typeCodes ?? null, validFrom: body.validFrom ?? null, validUntil: body.validUntil ?? null, reference: body.reference ?? null,
    }));
    reply.status(201);
    return present(grant);
  },
});

export const revokeSigningGrantRoute = defineRoute({
  method: 'POST',
  url: '/api/signing-grants/:id/revoke',
  summary: 'The agency administrator withdraws a signing capacity from now on (kept with its withdrawal time)',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'agency.configure' },
  schema: {
    params: IdParams,
    body: Type.Optional(Type.Object({}, { additionalProperties: false })),
    response: { 200: GrantBody },
  },
  handler: async ({ deps, actor, params }) => present(await deps.uow.run((tx) => revokeSigningGrant(tx, { clock: deps.clock }, actor, params.id))),
});
