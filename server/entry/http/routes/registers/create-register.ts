import { Type } from '@sinclair/typebox';
import { createRegister } from '../../../../app/registers/create-register.ts';
import { defineRoute } from '../../route.ts';
import { presentRegister, RegisterBody } from './register-schemas.ts';

export const createRegisterRoute = defineRoute({
  method: 'POST',
  url: '/api/registers',
  summary: "Open a register for the own agency (or one it serves): direction, year, types covered, notation pattern, volume",
  tags: ['registers'],
  auth: { kind: 'permission', permission: 'register.manage' },
  schema: {
    body: Type.Object({
      agencyId: Type.Optional(Type.String({ format: 'uuid' })),
      direction: Type.Union([Type.Literal('outgoing'), Type.Literal('incoming'), Type.Literal('copy')]),
      name: Type.Optional(Type.String({ maxLength: 200 })),
      year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2999 })),
      typeCodes: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 40 })),
      notationPattern: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
      volume: Type.Optional(Type.Integer({ minimum: 1, maximum: 999 })),
    }, { additionalProperties: false }),
    response: { 201: RegisterBody },
  },
  handler: async ({ deps, actor, body, reply }) => {
    const register = await deps.uow.run((tx) => createRegister(tx, { clock: deps.clock }, actor, { ...body, agencyId: body.agencyId ?? actor.agencyId }));
    reply.status(201);
    return presentRegister(register, 1);
  },
});
