import { Type } from '@sinclair/typebox';
import { defineRoute } from '../../route.ts';

export const openapi = defineRoute({
  method: 'GET',
  url: '/api/openapi.json',
  summary: 'OpenAPI document of this API',
  tags: ['operations'],
  auth: { kind: 'public', why: 'the API description is public; it holds no data' },
  schema: { response: { 200: Type.Object({}, { additionalProperties: true }) } },
  handler: async ({ req }) => req.server.swagger(),
});
