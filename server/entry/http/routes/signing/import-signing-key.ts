import { Type } from '@sinclair/typebox';
import { importSigningKey } from '../../../../app/signing/import-signing-key.ts';
import { defineRoute } from '../../route.ts';
import { Base64File, decodeBase64, presentSigningKey, SigningKeyBody } from './signing-schemas.ts';

export const importSigningKeyRoute = defineRoute({
  method: 'POST',
  url: '/api/signing/keys',
  summary: "Import a PKCS#12 file (.p12/.pfx): the agency's organisation key or a signer's personal key; the key is encrypted at rest and never returned",
  tags: ['signing'],
  auth: { kind: 'permission', permission: 'agency.configure' },
  schema: {
    body: Type.Object({
      agencyId: Type.Optional(Type.String({ format: 'uuid' })),
      kind: Type.Union([Type.Literal('organisation'), Type.Literal('personal')]),
      userId: Type.Optional(Type.String({ format: 'uuid' })),
      pkcs12Base64: Base64File('the PKCS#12 file, base64'),
      password: Type.String({ maxLength: 200 }),
    }, { additionalProperties: false }),
    response: { 201: SigningKeyBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const agencyId = body.agencyId ?? actor.agencyId;
    const { key } = await deps.uow.run((tx) =>
      importSigningKey(tx, { vault: deps.signingVault }, actor, {
        agencyId, kind: body.kind, ...(body.userId ? { userId: body.userId } : {}), pkcs12: decodeBase64(body.pkcs12Base64), password: body.password,
      }),
    );
    const check = await deps.signingVault.checkCertificate(key.certificateChain, deps.clock.now());
    reply.status(201);
    return presentSigningKey({ ...key, username: null, fullName: null, check });
  },
});
