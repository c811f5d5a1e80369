import { Type } from '@sinclair/typebox';
import { registerPeer as register } from '../../../../app/hub/register-peer.ts';
import { defineRoute } from '../../route.ts';

/**
 * An operator registers a peer hub (or an agency's own e-office system) over HTTP, as
 * `lienthong hub peer-add` does at the command line. The inbound token is returned once and only
 * its SHA-256 is kept; an operator may pass the token agreed with the peer's operator instead.
 */
export const registerPeerRoute = defineRoute({
  method: 'POST',
  url: '/api/hub/peers',
  summary: 'Register a peer hub: code groups, endpoint, certificate, tokens, signature policy (the inbound token is shown once)',
  tags: ['hub'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: {
    body: Type.Object({
      name: Type.String({ minLength: 1, maxLength: 200 }),
      codePrefixes: Type.Array(Type.String({ minLength: 1, maxLength: 35 }), { minItems: 1, maxItems: 5000 }),
      endpointUrl: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
      certificatePem: Type.Optional(Type.Union([Type.String({ maxLength: 20_000 }), Type.Null()])),
      inboundToken: Type.Optional(Type.String({ minLength: 32, maxLength: 500 })),
      outboundToken: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 500 }), Type.Null()])),
      signaturePolicy: Type.Optional(Type.Union([Type.Literal('required'), Type.Literal('unsigned-allowed')])),
      maxPackageBytes: Type.Optional(Type.Union([Type.Integer({ minimum: 1024 }), Type.Null()])),
      certificateCheck: Type.Optional(Type.Union([Type.Literal('registered'), Type.Literal('chain'), Type.Literal('chain-revocation')], {
        description: 'How far the signing certificate is checked. Default with a certificate: chain-revocation, the check of exchange.md §2.7 (trust anchor, validity, current CRL, registered); chain and registered fall short of §2.7 and must be chosen explicitly.',
      })),
    }, { additionalProperties: false }),
    response: {
      201: Type.Object({
        id: Type.String(), name: Type.String(), codePrefixes: Type.Array(Type.String()), endpointUrl: Type.Union([Type.String(), Type.Null()]),
        signaturePolicy: Type.String(), certificateCheck: Type.String(), inboundToken: Type.String(),
      }),
    },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const { peer, inboundToken } = await deps.uow.run((tx) => register(tx, actor, body));
    reply.status(201);
    return { id: peer.id, name: peer.name, codePrefixes: peer.codePrefixes, endpointUrl: peer.endpointUrl, signaturePolicy: peer.signaturePolicy, certificateCheck: peer.certificateCheck, inboundToken };
  },
});
