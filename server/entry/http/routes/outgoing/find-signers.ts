import { Type } from '@sinclair/typebox';
import { findSigners } from '../../../../app/outgoing/find-signers.ts';
import { defineRoute } from '../../route.ts';

export const findSignersRoute = defineRoute({
  method: 'GET',
  url: '/api/outgoing-signers',
  summary: 'The competent signers a drafter may name: active staff of the agency with the signing right',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'draft.create' },
  schema: {
    querystring: Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
    response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), fullName: Type.String(), title: Type.String() })) }) },
  },
  handler: async ({ deps, actor, query }) => ({ items: await deps.uow.run((tx) => findSigners(tx, actor, query.agencyId ?? actor.agencyId)) }),
});
