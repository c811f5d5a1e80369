import { Type } from '@sinclair/typebox';
import { PERMISSIONS, type Permission, type Scope } from '../../../../app/policies/permissions.ts';
import { isAgencyRole } from '../../../../app/policies/users.ts';
import { ROLES, ROLE_LABELS } from '../../../../domain/access/roles.ts';
import { defineRoute } from '../../route.ts';

export const findRolesRoute = defineRoute({
  method: 'GET',
  url: '/api/roles',
  summary: 'The roles with Vietnamese labels, each with its permissions and scopes (for the user administration screen)',
  tags: ['users'],
  auth: { kind: 'session' },
  schema: {
    response: {
      200: Type.Object({
        items: Type.Array(Type.Object({
          code: Type.String(),
          label: Type.String(),
          grantableByAgencyAdmin: Type.Boolean(),
          permissions: Type.Array(Type.Object({ permission: Type.String(), scope: Type.String(), meaning: Type.String() })),
        })),
      }),
    },
  },
  handler: async () => ({
    items: ROLES.map((role) => ({
      code: role,
      label: ROLE_LABELS[role],
      grantableByAgencyAdmin: isAgencyRole(role),
      permissions: (Object.keys(PERMISSIONS) as Permission[]).flatMap((permission) => {
        const def: { meaning: string; grants: Partial<Record<string, Scope>> } = PERMISSIONS[permission];
        const scope = def.grants[role];
        return scope ? [{ permission, scope, meaning: def.meaning }] : [];
      }),
    })),
  }),
});
