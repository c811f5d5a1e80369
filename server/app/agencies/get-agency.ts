import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { AgencyCodeRecord, AgencyRecord, UnitRecord } from '../ports/agencies.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertDirectoryRead } from './directory-access.ts';

export interface AgencyRef {
  id: string;
  name: string;
  code: string | null;
}

export interface AgencyDetail {
  agency: AgencyRecord;
  parent: AgencyRef | null;
  servedBy: AgencyRef | null;
  childrenCount: number;
  units: UnitRecord[];
  focalPoint: UnitRecord | null;
  /** Every code the agency has held, newest first: closed ones stay readable. */
  codes: AgencyCodeRecord[];
}

function ref(a: AgencyRecord | undefined): AgencyRef | null {
  return a ? { id: a.id, name: a.name, code: a.code } : null;
}

/** One agency with its parent, units, focal point and code history (directory.read). */
export async function getAgency(tx: TxPorts, actor: Actor | null, id: string): Promise<AgencyDetail> {
  assertDirectoryRead(actor);
  const agency = await tx.agencies.findById(id);
  if (!agency) throw notFound('Cơ quan');
  const [parent, servedBy, childrenCount, units, codes] = await Promise.all([
    agency.parentId ? tx.agencies.findById(agency.parentId) : undefined,
    agency.servedById ? tx.agencies.findById(agency.servedById) : undefined,
    tx.agencies.countChildren(id),
    tx.agencies.listUnits(id),
    tx.agencies.codeHistory(id),
  ]);
  return { agency, parent: ref(parent), servedBy: ref(servedBy), childrenCount, units, focalPoint: units.find((u) => u.isFocalPoint) ?? null, codes };
}
