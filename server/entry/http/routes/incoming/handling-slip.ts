import { Type } from '@sinclair/typebox';
import { handlingSlipPdf } from '../../../../adapters/export/handling-slip-pdf.ts';
import { getHandlingSlip } from '../../../../app/incoming/handling-slip.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { contentDisposition } from '../files/get-file.ts';

export const handlingSlipRoute = defineRoute({
  method: 'GET',
  url: '/api/incoming/:id/handling-slip',
  summary: 'The handling slip (phiếu xử lý văn bản đến) of a document the caller may see, as PDF; printing is logged and the printout names who printed it and when',
  tags: ['incoming'],
  auth: { kind: 'session' },
  schema: { params: IdParams, response: { 200: Type.String({ format: 'binary' }) } },
  handler: async ({ deps, actor, params, reply }) => {
    const slip = await deps.uow.run((tx) => getHandlingSlip(tx, actor, params.id, deps.clock.now()));
    const bytes = await handlingSlipPdf(slip);
    reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(`phieu-xu-ly-${slip.document.arrivalNumber ?? slip.document.id}.pdf`))
      .header('cache-control', 'private, no-store');
    return reply.send(bytes);
  },
});
