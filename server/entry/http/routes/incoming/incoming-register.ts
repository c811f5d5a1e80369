import { Type } from '@sinclair/typebox';
import { findRegisterRows } from '../../../../app/incoming/find-register-rows.ts';
import { localYearOf } from '../../../../domain/calendar/vietnam-time.ts';
import { registerSheetPdf } from '../../../../adapters/export/incoming-register-pdf.ts';
import { registerSheetXlsx } from '../../../../adapters/export/incoming-register-xlsx.ts';
import { defineRoute } from '../../route.ts';

const Query = Type.Object({
  agencyId: Type.Optional(Type.String({ format: 'uuid' })), registerId: Type.Optional(Type.String({ format: 'uuid' })), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2999 })),
}, { additionalProperties: false });
const S = Type.String();
const Line = Type.Object({ incomingId: S, arrivalDate: S, arrivalNumber: S, author: S, numberNotation: S, documentDate: S, typeAndAbstract: S, passedTo: S, passedOn: S, receipt: S, note: S });

export const incomingRegisterRoute = defineRoute({
  method: 'GET',
  url: '/api/incoming-register',
  summary: 'The incoming register (sổ đăng ký văn bản đến) of a year with the Decree 30 columns',
  tags: ['incoming'],
  auth: { kind: 'permission', permission: 'register.read' },
  schema: {
    querystring: Query,
    response: { 200: Type.Object({ register: Type.Object({ id: S, name: S, year: Type.Integer(), volume: Type.Integer() }), agencyName: S, lines: Type.Array(Line) }) },
  },
  handler: async ({ deps, actor, query }) =>
    deps.uow.run((tx) => findRegisterRows(tx, actor, query.agencyId ?? actor.agencyId, { registerId: query.registerId, year: query.year ?? localYearOf(deps.clock.now()) })),
});

export const exportIncomingRegisterRoute = defineRoute({
  method: 'GET',
  url: '/api/incoming-register/export',
  summary: 'The incoming register as XLSX or PDF (Vietnamese headings, Decree 30 columns)',
  tags: ['incoming'],
  auth: { kind: 'permission', permission: 'register.export' },
  schema: {
    querystring: Type.Composite([Query, Type.Object({ format: Type.Union([Type.Literal('xlsx'), Type.Literal('pdf')]) })], { additionalProperties: false }),
    response: { 200: Type.String({ format: 'binary' }) },
  },
  handler: async ({ deps, actor, query, reply }) => {
    const sheet = await deps.uow.run((tx) => findRegisterRows(tx, actor, query.agencyId ?? actor.agencyId, { registerId: query.registerId, year: query.year ?? localYearOf(deps.clock.now()) }, 'register.export'));
    const xlsx = query.format === 'xlsx';
    const bytes = xlsx ? await registerSheetXlsx(sheet) : await registerSheetPdf(sheet, deps.clock.now());
    const name = `so-van-ban-den-${sheet.register.year}.${query.format}`;
    reply.header('content-type', xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'application/pdf')
      .header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store');
    return reply.send(bytes);
  },
});
