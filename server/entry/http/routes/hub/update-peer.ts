import { Type } from '@sinclair/typebox';
import { updatePeer as update } from '../../../../app/hub/update-peer.ts';
import { IdParams } from '../../schemas.ts';
import { defineRoute } from '../../route.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));

/**
 * An operator changes a registered peer, as `lienthong hub peer-set` does at the command line:
 * absent fields stay, `null` clears an optional one. A new inbound token (agreed, or generated with
 * `newInboundToken`) is returned once. Signed in without `hub.operate` (write): 404, as for an unknown id.
 */
export const updatePeerRoute = defineRoute({
  method: 'PATCH',
  url: '/api/hub/peers/:id',
  summary: 'Change a peer hub: code groups, endpoint, certificate, tokens, signature policy, certificate check, active (a new inbound token is shown once)',
  tags: ['hub'],
  auth: { kind: 'session' },
  schema: {
    params: IdParams,
    body: Type.Object({
      name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      codePrefixes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 35 }), { minItems: 1, maxItems: 5000 })),
      endpointUrl: Nullable(Type.String({ maxLength: 2000 })),
      certificatePem: Nullable(Type.String({ maxLength: 20_000 })),
      inboundToken: Type.Optional(Type.String({ minLength: 32, maxLength: 500 })),
      newInboundToken: Type.Optional(Type.Boolean()),
      outboundToken: Nullable(Type.String({ minLength: 1, maxLength: 500 })),
      signaturePolicy: Type.Optional(Type.Union([Type.Literal('required'), Type.Literal('unsigned-allowed')])),
      maxPackageBytes: Type.Optional(Type.Union([Type.Integer({ minimum: 1024 }), Type.Null()])),
      certificateCheck: Type.Optional(Type.Union([Type.Literal('registered'), Type.Literal('chain'), Type.Literal('chain-revocation')])),
      active: Type.Optional(Type.Boolean()),
    }, { additionalProperties: false }),
    response: {
      200: Type.Object({
        id: Type.String(), name: Type.String(), codePrefixes: Type.Array(Type.String()), endpointUrl: Type.Union([Type.String(), Type.Null()]),
        hasCertificate: Type.Boolean(), signaturePolicy: Type.String(), certificateCheck: Type.String(), active: Type.Boolean(),
        inboundToken: Type.Optional(Type.String()),
      }),
    },
  },
  handler: async ({ deps, actor, params, body }) => {
    const { peer, inboundToken } = await deps.uow.run((tx) => update(tx, actor, params.id, body));
    return {
      id: peer.id, name: peer.name, codePrefixes: peer.codePrefixes, endpointUrl: peer.endpointUrl, hasCertificate: peer.certificatePem !== null,
      signaturePolicy: peer.signaturePolicy, certificateCheck: peer.certificateCheck, active: peer.active, ...(inboundToken ? { inboundToken } : {}),
    };
  },
});
