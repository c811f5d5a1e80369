import { Type } from '@sinclair/typebox';
import { exportOutgoingRegister, findOutgoingRegister, OUTGOING_REGISTER_COLUMNS } from '../../../../app/outgoing/find-outgoing-register.ts';
import { localYearOf } from '../../../../domain/calendar/vietnam-time.ts';
import { registerExporter } from '../../../outgoing/outgoing-deps.ts';
import { defineRoute } from '../../route.ts';
import { contentDisposition } from '../files/get-file.ts';

const Filter = {
  agencyId: Type.Optional(Type.String({ format: 'uuid' })),
  registerId: Type.Optional(Type.String({ format: 'uuid' })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2999 })),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
};
const NStr = Type.Union([Type.String(), Type.Null()]);

export const findOutgoingRegisterRoute = defineRoute({
  method: 'GET',
  url: '/api/outgoing-register',
  summary: 'The outgoing register (sổ văn bản đi) of a year with the Decree 30 columns, filtered by dates and words',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'register.read' },
  schema: {
    querystring: Type.Object(Filter, { additionalProperties: false }),
    response: {
      200: Type.Object({
        registerName: Type.String(), year: Type.Integer(), columns: Type.Array(Type.String()),
        rows: Type.Array(Type.Object({
          numberAndNotation: Type.String(), documentDate: Type.String(), typeAndSubject: Type.String(), signer: Type.String(), recipients: Type.String(),
          fileCopyHolder: Type.String(), copies: Type.Union([Type.Integer(), Type.Null()]), passedOnAt: NStr, receipt: Type.String(), note: Type.String(), documentId: NStr,
        })),
      }),
    },
  },
  handler: async ({ deps, actor, query }) => {
    const r = await deps.uow.run((tx) => findOutgoingRegister(tx, actor, query.agencyId ?? actor.agencyId, {
      year: query.year ?? localYearOf(deps.clock.now()), registerId: query.registerId, from: query.from, to: query.to, text: query.q,
    }));
    return { ...r, columns: [...OUTGOING_REGISTER_COLUMNS] };
  },
});

export const exportOutgoingRegisterRoute = defineRoute({
  method: 'GET',
  url: '/api/outgoing-register/export',
  summary: 'The outgoing register as XLSX or PDF with the Decree 30 columns and Vietnamese headings',
  tags: ['outgoing'],
  auth: { kind: 'permission', permission: 'register.export' },
  schema: {
    querystring: Type.Object({ ...Filter, format: Type.Union([Type.Literal('xlsx'), Type.Literal('pdf')]) }, { additionalProperties: false }),
    response: { 200: Type.String({ format: 'binary' }) },
  },
  handler: async ({ deps, actor, query, reply }) => {
    const year = query.year ?? localYearOf(deps.clock.now());
    const file = await deps.uow.run((tx) => exportOutgoingRegister(tx, registerExporter, actor, query.agencyId ?? actor.agencyId, {
      year, registerId: query.registerId, from: query.from, to: query.to, text: query.q,
    }, query.format));
    const type = query.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf';
    return reply.type(type).header('content-disposition', contentDisposition(`so-van-ban-di-${year}.${query.format}`)).send(file);
  },
});
