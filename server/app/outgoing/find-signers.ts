import type { Actor } from '../actor.ts';
import { can } from '../policies/permissions.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertCan } from './outgoing-access.ts';

/** The people a drafter may name as competent signer: active staff of the agency holding document.sign. */
export async function findSigners(tx: TxPorts, actor: Actor, agencyId: string): Promise<{ id: string; fullName: string; title: string }[]> {
  assertCan(actor, agencyId, 'draft.create', 'Bạn không có quyền soạn thảo văn bản đi.');
  const users = (await tx.users.listByAgency(agencyId)).filter((u) => u.active);
  const grants = await tx.users.rolesOfUsers(users.map((u) => u.id));
  return users
    .filter((u) => can((grants.get(u.id) ?? []).filter((g) => g.agencyId === agencyId).map((g) => g.role), 'document.sign'))
    .map((u) => ({ id: u.id, fullName: u.fullName, title: u.title }));
}
