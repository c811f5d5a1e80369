import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { UnitRecord } from '../ports/agencies.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertUnitManage } from './directory-access.ts';
import { blankToNull } from './directory-rules.ts';
import { assertUnitFields, assertUnitNameFree, assertUnitParent, takeFocalPoint } from './unit-checks.ts';

export interface CreateUnitInput {
  name: string;
  abbreviation?: string | null;
  parentId?: string | null;
  /** The unit whose clerks send and receive for the agency (đầu mối gửi, nhận). */
  isFocalPoint?: boolean;
}

/** Adds a unit (phòng, ban) inside an agency: its own administrator or the system operator. */
export async function createUnit(tx: TxPorts, actor: Actor | null, agencyId: string, input: CreateUnitInput): Promise<UnitRecord> {
  assertUnitManage(actor, agencyId);
  const agency = await tx.agencies.findById(agencyId);
  if (!agency) throw notFound('Cơ quan');
  const name = input.name.trim();
  const abbreviation = blankToNull(input.abbreviation);
  assertUnitFields({ name, abbreviation });
  const units = await tx.agencies.listUnits(agencyId);
  assertUnitNameFree(units, name, null);
  const parentId = blankToNull(input.parentId);
  if (parentId) assertUnitParent(units, null, parentId);
  const isFocalPoint = input.isFocalPoint ?? false;
  const previous = isFocalPoint ? await takeFocalPoint(tx, units, null) : undefined;
  const unit = await tx.agencies.createUnit({ agencyId, parentId, name, abbreviation, isFocalPoint, active: true });
  const who = { actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId, subjectType: 'unit' };
  if (previous) await tx.audit.record({ ...who, type: 'unit.updated', subjectId: previous.id, data: { changes: { isFocalPoint: { from: true, to: false } } } });
  await tx.audit.record({ ...who, type: 'unit.created', subjectId: unit.id, data: { name, isFocalPoint } });
  return unit;
}
