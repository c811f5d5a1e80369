import { defineRoute } from '../../route.ts';
import { MeBody, presentMe } from './present-me.ts';

export const me = defineRoute({
  method: 'GET',
  url: '/api/auth/me',
  summary: 'The signed-in user, their agency, roles, abilities and CSRF token',
  tags: ['auth'],
  auth: { kind: 'session' },
  schema: { response: { 200: MeBody } },
  handler: async ({ deps, actor, session }) => presentMe(deps, actor, session.csrfToken),
});
