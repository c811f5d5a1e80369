import { Type } from '@sinclair/typebox';
import { addRevocationSource, findRevocationSources, removeRevocationSource } from '../../../../app/signing/manage-revocation-sources.ts';
import { defineRoute } from '../../route.ts';
import { IdParams, Ok } from '../../schemas.ts';
import { Base64File, decodeBase64, presentRevocationSource, RevocationSourceBody } from './signing-schemas.ts';

export const findRevocationSourcesRoute = defineRoute({
  method: 'GET',
  url: '/api/signing/revocation-sources',
  summary: 'Revocation sources: CRL URLs (with the last fetch) and uploaded CRLs',
  tags: ['signing'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: { response: { 200: Type.Object({ items: Type.Array(RevocationSourceBody) }) } },
  handler: async ({ deps, actor }) => ({ items: (await deps.uow.run((tx) => findRevocationSources(tx, actor))).map(presentRevocationSource) }),
});

export const addRevocationSourceRoute = defineRoute({
  method: 'POST',
  url: '/api/signing/revocation-sources',
  summary: 'Add a CRL URL (fetched and refreshed by the system) or upload a CRL (PEM or DER, base64)',
  tags: ['signing'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: {
    body: Type.Object({ url: Type.Optional(Type.String({ maxLength: 2000 })), crlBase64: Type.Optional(Base64File('CRL file (PEM or DER), base64')) }, { additionalProperties: false }),
    response: { 201: RevocationSourceBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const source = await deps.uow.run((tx) =>
      addRevocationSource(tx, { vault: deps.signingVault }, actor, { ...(body.url !== undefined ? { url: body.url } : {}), ...(body.crlBase64 !== undefined ? { crl: decodeBase64(body.crlBase64) } : {}) }),
    );
    reply.status(201);
    return presentRevocationSource(source);
  },
});

export const removeRevocationSourceRoute = defineRoute({
  method: 'DELETE',
  url: '/api/signing/revocation-sources/:id',
  summary: 'Remove a revocation source',
  tags: ['signing'],
  auth: { kind: 'permission', permission: 'hub.operate' },
  schema: { params: IdParams, response: { 200: Ok } },
  handler: async ({ deps, actor, params }) => {
    await deps.uow.run((tx) => removeRevocationSource(tx, { vault: deps.signingVault }, actor, params.id));
    return { ok: true as const };
  },
});
