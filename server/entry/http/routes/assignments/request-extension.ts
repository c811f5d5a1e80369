import { Type } from '@sinclair/typebox';
import { createExtension } from '../../../../app/incoming/create-extension.ts';
import { incomingDepsOf } from '../../../incoming/incoming-deps.ts';
import { defineRoute } from '../../route.ts';
import { IdParams } from '../../schemas.ts';
import { LocalDate } from '../incoming/incoming-schemas.ts';
import { ExtensionBody, presentExtension } from './extension-schema.ts';

export const requestExtensionRoute = defineRoute({
  method: 'POST',
  url: '/api/assignments/:id/extensions',
  summary: 'Ask whoever set the deadline for more time, with a reason and a proposed date',
  tags: ['assignments'],
  auth: { kind: 'permission', permission: 'extension.request' },
  schema: { params: IdParams, body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }), proposedDeadline: LocalDate }, { additionalProperties: false }), response: { 201: ExtensionBody } },
  handler: async ({ deps, actor, params, body, reply }) => {
    const e = await deps.uow.run((tx) => createExtension(tx, incomingDepsOf(deps), actor, params.id, body));
    reply.status(201);
    return presentExtension(e);
  },
});
