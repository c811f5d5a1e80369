import { Type } from '@sinclair/typebox';
import type { SigningImageRecord } from '../../../../app/ports/signing.ts';
import { findSigningImages, getSigningImage } from '../../../../app/signing/find-signing-images.ts';
import { uploadSigningImage } from '../../../../app/signing/upload-signing-image.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { Base64File, decodeBase64 } from './signing-schemas.ts';

const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const SigningImageBody = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('seal'), Type.Literal('signature')]),
  userId: Type.Union([Type.String(), Type.Null()]),
  sha256: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  diameterMm: Type.Union([Type.Number(), Type.Null()]),
  validFrom: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});

function presentImage(i: SigningImageRecord) {
  return {
    id: i.id, kind: i.kind, userId: i.userId, sha256: i.sha256, width: i.width, height: i.height, diameterMm: i.diameterMm,
    validFrom: i.validFrom, validTo: i.validTo, createdAt: i.createdAt.toISOString(),
  };
}

export const uploadSigningImageRoute = defineRoute({
  method: 'POST',
  url: '/api/signing/images',
  summary: "Upload the agency's seal image or a signer's signature image (PNG with a transparent background, base64) with its validity period",
  tags: ['signing'],
  // agency.configure, or a signer uploading their own signature: the use case decides.
  auth: { kind: 'session' },
  schema: {
    body: Type.Object({
      agencyId: Type.Optional(Type.String({ format: 'uuid' })),
      kind: Type.Union([Type.Literal('seal'), Type.Literal('signature')]),
      userId: Type.Optional(Type.String({ format: 'uuid' })),
      pngBase64: Base64File('PNG image, base64'),
      diameterMm: Type.Optional(Type.Number({ minimum: 10, maximum: 80 })),
      validFrom: Type.Optional(DateText),
      validTo: Type.Optional(Type.Union([DateText, Type.Null()])),
    }, { additionalProperties: false }),
    response: { 201: SigningImageBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const image = await deps.uow.run((tx) =>
      uploadSigningImage(tx, { clock: deps.clock }, actor, {
        agencyId: body.agencyId ?? actor.agencyId, kind: body.kind, png: decodeBase64(body.pngBase64),
        ...(body.userId ? { userId: body.userId } : {}), ...(body.diameterMm !== undefined ? { diameterMm: body.diameterMm } : {}),
        ...(body.validFrom ? { validFrom: body.validFrom } : {}), ...(body.validTo !== undefined ? { validTo: body.validTo } : {}),
      }),
    );
    reply.status(201);
    return presentImage(image);
  },
});

export const findSigningImagesRoute = defineRoute({
  method: 'GET',
  url: '/api/signing/images',
  summary: "The agency's seal and signature images with their validity periods",
  tags: ['signing'],
  auth: { kind: 'permission', permission: 'agency.configure' },
  schema: {
    querystring: Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
    response: { 200: Type.Object({ items: Type.Array(SigningImageBody) }) },
  },
  handler: async ({ deps, actor, query }) => ({ items: (await deps.uow.run((tx) => findSigningImages(tx, actor, query.agencyId ?? actor.agencyId))).map(presentImage) }),
});

export const getSigningImagePngRoute = defineRoute({
  method: 'GET',
  url: '/api/signing/images/:id/png',
  summary: 'The PNG of a seal or signature image (its agency administrator, or the signer it belongs to)',
  tags: ['signing'],
  auth: { kind: 'session' },
  schema: { params: IdParams, response: { 200: Type.String({ format: 'binary' }) } },
  handler: async ({ deps, actor, params, reply }) => {
    const image = await deps.uow.run((tx) => getSigningImage(tx, actor, params.id));
    reply.header('content-type', 'image/png').header('cache-control', 'private, max-age=300').header('x-content-type-options', 'nosniff');
    return reply.send(Buffer.from(image.png, 'base64'));
  },
});
