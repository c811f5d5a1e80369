import { Type } from '@sinclair/typebox';
import { defineRoute } from '../../route.ts';

export const healthz = defineRoute({
  method: 'GET',
  url: '/healthz',
  summary: 'Process alive',
  tags: ['operations'],
  auth: { kind: 'public', why: 'load balancers probe it; it says only that the process runs' },
  schema: { response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
  handler: async () => ({ status: 'ok' as const }),
});
