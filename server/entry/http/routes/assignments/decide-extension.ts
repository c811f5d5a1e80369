import { Type } from '@sinclair/typebox';
import { approveExtension } from '../../../../app/incoming/create-extension.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { ExtensionBody, presentExtension } from './extension-schema.ts';

export const decideExtensionRoute = defineRoute({
  method: 'POST',
  url: '/api/extensions/:id/decision',
  summary: 'Grant (new effective deadline) or refuse an extension request',
  tags: ['assignments'],
  auth: { kind: 'permission', permission: 'extension.decide' },
  schema: { params: IdParams, body: Type.Object({ grant: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }), response: { 200: ExtensionBody } },
  handler: async ({ deps, actor, params, body }) => presentExtension(await deps.uow.run((tx) => approveExtension(tx, deps, actor, params.id, body))),
});
