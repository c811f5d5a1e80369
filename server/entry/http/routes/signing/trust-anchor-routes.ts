import { Type } from '@sinclair/typebox';
import { addTrustAnchor, findTrustAnchors, removeTrustAnchor } from '../../../../app/signing/manage-trust-anchors.ts';
import { defineRoute } from '../../route.ts';
import { IdParams, Ok } from '../../schemas.ts';
import { Base64File, decodeBase64, presentTrustAnchor, TrustAnchorBody } from './signing-schemas.ts';

export const findTrustAnchorsRoute = defineRoute({
  method: 'GET',
  url: '/api/signing/trust-anchors',
  summary: 'Trust anchors configured by the system operator (root and intermediate CA certificates)',
  tags: ['signing'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: { response: { 200: Type.Object({ items: Type.Array(TrustAnchorBody) }) } },
  handler: async ({ deps, actor }) => ({ items: (await deps.uow.run((tx) => findTrustAnchors(tx, actor))).map(presentTrustAnchor) }),
});

export const addTrustAnchorRoute = defineRoute({
  method: 'POST',
  url: '/api/signing/trust-anchors',
  summary: 'Add a root or intermediate CA certificate (PEM or DER, base64) that signatures may chain to',
  tags: ['signing'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: {
    body: Type.Object({ kind: Type.Union([Type.Literal('root'), Type.Literal('intermediate')]), certificateBase64: Base64File('certificate file (PEM or DER), base64') }, { additionalProperties: false }),
    response: { 201: TrustAnchorBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const anchor = await deps.uow.run((tx) => addTrustAnchor(tx, { vault: deps.signingVault }, actor, { kind: body.kind, certificate: decodeBase64(body.certificateBase64) }));
    reply.status(201);
    return presentTrustAnchor(anchor);
  },
});

export const removeTrustAnchorRoute = defineRoute({
  method: 'DELETE',
  url: '/api/signing/trust-anchors/:id',
  summary: 'Remove a trust anchor',
  tags: ['signing'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: { params: IdParams, response: { 200: Ok } },
  handler: async ({ deps, actor, params }) => {
    await deps.uow.run((tx) => removeTrustAnchor(tx, { vault: deps.signingVault }, actor, params.id));
    return { ok: true as const };
  },
});
