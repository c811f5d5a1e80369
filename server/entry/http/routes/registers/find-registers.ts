import { Type } from '@sinclair/typebox';
import { findRegisters } from '../../../../app/registers/find-registers.ts';
import { defineRoute } from '../../route.ts';
import { presentRegister, RegisterBody } from './register-schemas.ts';

export const findRegistersRoute = defineRoute({
  method: 'GET',
  url: '/api/registers',
  summary: "An agency's registers (sổ đăng ký văn bản) with the next number of each: its administrator, clerks and leaders",
  tags: ['registers'],
  // register.manage or register.read in the agency asked for: the use case decides, per agency.
  auth: { kind: 'session' },
  schema: {
    querystring: Type.Object({
      agencyId: Type.Optional(Type.String({ format: 'uuid' })),
      direction: Type.Optional(Type.Union([Type.Literal('outgoing'), Type.Literal('incoming'), Type.Literal('copy')])),
      year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2999 })),
    }, { additionalProperties: false }),
    response: { 200: Type.Object({ items: Type.Array(RegisterBody) }) },
  },
  handler: async ({ deps, actor, query }) => {
    const items = await deps.uow.run((tx) => findRegisters(tx, { clock: deps.clock }, actor, query.agencyId ?? actor.agencyId, { direction: query.direction, year: query.year }));
    return { items: items.map((r) => presentRegister(r, r.nextNumber)) };
  },
});
