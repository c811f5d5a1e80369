import { Type } from '@sinclair/typebox';
import { findSigningKeys } from '../../../../app/signing/find-signing-keys.ts';
import { defineRoute } from '../../route.ts';
import { presentSigningKey, SigningKeyBody } from './signing-schemas.ts';

export const findSigningKeysRoute = defineRoute({
  method: 'GET',
  url: '/api/signing/keys',
  summary: "An agency's signing certificates (organisation seal and signers'): subject, serial, validity, status now; never key material",
  tags: ['signing'],
  auth: { kind: 'permission', permission: 'agency.configure' },
  schema: {
    querystring: Type.Object({ agencyId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false }),
    response: { 200: Type.Object({ items: Type.Array(SigningKeyBody) }) },
  },
  handler: async ({ deps, actor, query }) => {
    const items = await findSigningKeys({ uow: deps.uow, vault: deps.signingVault, now: deps.clock.now() }, actor, query.agencyId ?? actor.agencyId);
    return { items: items.map(presentSigningKey) };
  },
});
