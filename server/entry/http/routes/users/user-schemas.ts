import { Type } from '@sinclair/typebox';
import type { UserView } from '../../../../app/users/get-user.ts';
import { ROLES, ROLE_LABELS } from '../../../../domain/access/roles.ts';

export const RoleCode = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const UserBody = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  username: Type.String(),
  fullName: Type.String(),
  title: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  lockedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  roles: Type.Array(Type.Object({ agencyId: Type.String(), role: Type.String(), label: Type.String() })),
});

export function presentUser(u: UserView) {
  return {
    id: u.id,
    agencyId: u.agencyId,
    unitId: u.unitId,
    username: u.username,
    fullName: u.fullName,
    title: u.title,
    email: u.email,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: u.lockedUntil ? u.lockedUntil.toISOString() : null,
    roles: u.roles.map((g) => ({ agencyId: g.agencyId, role: g.role, label: ROLE_LABELS[g.role] })),
  };
}

export const Email = Type.Union([Type.String({ maxLength: 200 }), Type.Null()]);
