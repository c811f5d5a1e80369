import type { Role } from '../domain/access/roles.ts';

/** The authenticated person on whose behalf a use case runs. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  agencyId: string;
  unitId: string | null;
  /** Roles held in the home agency. */
  roles: Role[];
  /** Roles held in agencies the home agency serves (domain.md §3), keyed by agency id. */
  servedRoles: Record<string, Role[]>;
}

/** Roles the actor holds in a given agency (home or served). */
export function rolesIn(actor: Actor, agencyId: string): Role[] {
  if (agencyId === actor.agencyId) return actor.roles;
  return actor.servedRoles[agencyId] ?? [];
}
