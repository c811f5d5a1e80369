/** The inbox and document lists (domain.md §4.2): each role sees what it may, nothing else. */
import type { Actor } from '../actor.ts';
import type { IncomingRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { rolesOrNotFound } from './incoming-access.ts';

export type IncomingView = 'inbox' | 'all';

const REGISTERED = ['registered', 'awaiting_direction', 'assigned', 'in_progress', 'finished', 'filed_for_information', 'cancelled', 'replaced'];

export async function findIncomingDocuments(tx: TxPorts, actor: Actor, agencyId: string, view: IncomingView): Promise<IncomingRecord[]> {
  const roles = rolesOrNotFound(actor, agencyId, 'Cơ quan');
  const limit = 500;
  if (roles.includes('clerk')) {
    return tx.incoming.list(agencyId, { ...(view === 'inbox' ? { states: ['arrived'] } : {}), limit });
  }
  if (view === 'inbox') return [];
  if (roles.includes('leader') || roles.includes('deputy_leader')) return tx.incoming.list(agencyId, { states: REGISTERED, limit });
  const unitId = roles.includes('head_of_unit') ? actor.unitId : null;
  const mine = await tx.incoming.list(agencyId, { states: REGISTERED, visibleTo: { userId: actor.userId, unitId }, limit });
  const presented = (await tx.incoming.list(agencyId, { states: ['awaiting_direction'], limit })).filter((d) => d.presentedTo === actor.userId);
  const seen = new Set(mine.map((d) => d.id));
  return [...mine, ...presented.filter((d) => !seen.has(d.id))];
}
