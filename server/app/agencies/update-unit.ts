import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { UnitFields, UnitRecord } from '../ports/agencies.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertUnitManage } from './directory-access.ts';
import { blankToNull } from './directory-rules.ts';
import { assertUnitFields, assertUnitNameFree, assertUnitParent, takeFocalPoint } from './unit-checks.ts';

export interface UpdateUnitInput {
  name?: string;
  abbreviation?: string | null;
  parentId?: string | null;
  isFocalPoint?: boolean;
  active?: boolean;
}

/** Renames, moves, deactivates a unit or makes it the focal point (own administrator or operator). */
export async function updateUnit(tx: TxPorts, actor: Actor | null, unitId: string, input: UpdateUnitInput): Promise<UnitRecord> {
  const unit = await tx.agencies.findUnit(unitId);
  if (!unit) throw notFound('Đơn vị');
  // A unit of another agency answers exactly like a missing one.
  try {
    assertUnitManage(actor, unit.agencyId);
  } catch {
    throw notFound('Đơn vị');
  }
  const units = await tx.agencies.listUnits(unit.agencyId);
  const next: Partial<Omit<UnitFields, 'agencyId'>> = {};
  if (input.name !== undefined) next.name = input.name.trim();
  if (input.abbreviation !== undefined) next.abbreviation = blankToNull(input.abbreviation);
  assertUnitFields({ ...(next.name !== undefined && { name: next.name }), abbreviation: next.abbreviation ?? null });
  if (next.name !== undefined) assertUnitNameFree(units, next.name, unitId);
  if (input.parentId !== undefined) {
    next.parentId = blankToNull(input.parentId);
    if (next.parentId) assertUnitParent(units, unitId, next.parentId);
  }
  if (input.active !== undefined) next.active = input.active;
  if (input.isFocalPoint !== undefined) next.isFocalPoint = input.isFocalPoint;
  if ((next.active ?? unit.active) === false && (next.isFocalPoint ?? unit.isFocalPoint)) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, 'Đơn vị đầu mối gửi, nhận phải đang hoạt động; hãy chọn đơn vị đầu mối khác trước', { field: 'active' });
  }

  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(next) as [keyof typeof next, unknown][]) {
    if (unit[key] !== value) changes[key] = { from: unit[key], to: value };
  }
  if (Object.keys(changes).length === 0) return unit;
  const who = { actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: unit.agencyId, subjectType: 'unit' };
  if (changes.isFocalPoint && next.isFocalPoint) {
    const previous = await takeFocalPoint(tx, units, unitId);
    if (previous) await tx.audit.record({ ...who, type: 'unit.updated', subjectId: previous.id, data: { changes: { isFocalPoint: { from: true, to: false } } } });
  }
  await tx.agencies.updateUnit(unitId, next);
  await tx.audit.record({ ...who, type: 'unit.updated', subjectId: unitId, data: { changes } });
  return (await tx.agencies.findUnit(unitId))!;
}
