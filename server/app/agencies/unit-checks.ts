import { AppError, ErrorCode } from '../errors.ts';
import type { UnitRecord } from '../ports/agencies.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

const ABBREVIATION = /^[0-9A-ZĐ&.-]{1,20}$/;

export function assertUnitFields(input: { name?: string; abbreviation?: string | null }): void {
  if (input.name !== undefined && input.name.trim() === '') throw new AppError(ErrorCode.VALIDATION_FAILED, 'Tên đơn vị không được để trống', { field: 'name' });
  if (input.name !== undefined && input.name.trim().length > 200) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Tên đơn vị dài quá 200 ký tự', { field: 'name' });
  if (input.abbreviation && !ABBREVIATION.test(input.abbreviation)) {
    throw new AppError(ErrorCode.VALIDATION_FAILED, `Chữ viết tắt "${input.abbreviation}" chỉ gồm chữ in hoa, chữ số, "&", "-", "." (tối đa 20 ký tự)`, { field: 'abbreviation' });
  }
}

export function assertUnitNameFree(units: readonly UnitRecord[], name: string, exceptId: string | null): void {
  const other = units.find((u) => u.id !== exceptId && u.name.toLowerCase() === name.toLowerCase());
  if (other) throw new AppError(ErrorCode.DIRECTORY_NAME_TAKEN, `Cơ quan đã có đơn vị "${other.name}"`, { field: 'name' });
}

/** A parent unit must be one of the same agency's units, and a unit may not end up under itself. */
export function assertUnitParent(units: readonly UnitRecord[], unitId: string | null, parentId: string): void {
  const byId = new Map(units.map((u) => [u.id, u]));
  if (!byId.has(parentId)) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Đơn vị cấp trên không thuộc cơ quan này', { field: 'parentId' });
  for (let current: string | null = parentId, depth = 0; current && depth < 50; depth++) {
    if (current === unitId) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Không thể đặt đơn vị làm cấp dưới của chính nó', { field: 'parentId' });
    current = byId.get(current)?.parentId ?? null;
  }
}

/** One focal point per agency: making a unit the focal point takes the flag from the previous one. */
export async function takeFocalPoint(tx: TxPorts, units: readonly UnitRecord[], exceptId: string | null): Promise<UnitRecord | undefined> {
  const previous = units.find((u) => u.isFocalPoint && u.id !== exceptId);
  if (previous) await tx.agencies.updateUnit(previous.id, { isFocalPoint: false });
  return previous;
}
