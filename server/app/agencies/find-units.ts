import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { UnitRecord } from '../ports/agencies.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertDirectoryRead } from './directory-access.ts';

/** The units of an agency, focal point first (directory.read: units are part of the directory). */
export async function findUnits(tx: TxPorts, actor: Actor | null, agencyId: string): Promise<UnitRecord[]> {
  assertDirectoryRead(actor);
  if (!(await tx.agencies.findById(agencyId))) throw notFound('Cơ quan');
  return tx.agencies.listUnits(agencyId);
}
