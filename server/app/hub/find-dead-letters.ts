/** Dead letters as operators see them (exchange.md §4.4): id, document, sender, receiver, code, origin, attempts. */
import type { Actor } from '../actor.ts';
import type { DeadLetter } from '../ports/hub.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertOperator } from './operator-access.ts';

export async function findDeadLetters(tx: TxPorts, actor: Actor, page: { limit: number; offset: number }): Promise<{ items: DeadLetter[]; total: number }> {
  assertOperator(actor);
  return tx.hub.listDeadLetters(page);
}
