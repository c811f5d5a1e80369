/** Who documents can be presented or assigned to in an agency: its active units and staff with their roles. */
import type { Actor } from '../actor.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { rolesOrNotFound } from './incoming-access.ts';

export async function findAssignees(tx: TxPorts, actor: Actor, agencyId: string) {
  rolesOrNotFound(actor, agencyId, 'Cơ quan');
  const [units, users] = await Promise.all([tx.agencies.listUnits(agencyId), tx.users.listByAgency(agencyId)]);
  const active = users.filter((u) => u.active);
  const grants = await tx.users.rolesOfUsers(active.map((u) => u.id));
  return {
    units: units.filter((u) => u.active).map((u) => ({ id: u.id, name: u.name })),
    users: active.map((u) => ({
      id: u.id, fullName: u.fullName, title: u.title, unitId: u.unitId,
      roles: (grants.get(u.id) ?? []).filter((g) => g.agencyId === agencyId).map((g) => g.role as string),
    })),
  };
}
