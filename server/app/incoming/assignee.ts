/** Checking and naming assignees (a unit or a person of the document's agency). */
import { notFound } from '../errors.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { validationError } from './incoming-access.ts';

export interface AssigneeInput {
  unitId?: string | undefined;
  userId?: string | undefined;
}

export async function checkAssignee(tx: TxPorts, agencyId: string, a: AssigneeInput, field: string): Promise<{ assigneeUnitId: string | null; assigneeUserId: string | null; name: string }> {
  if ((a.unitId ? 1 : 0) + (a.userId ? 1 : 0) !== 1) throw validationError('Mỗi nơi nhận xử lý là đúng một đơn vị hoặc một người.', field);
  if (a.unitId) {
    const unit = await tx.agencies.findUnit(a.unitId);
    if (!unit || unit.agencyId !== agencyId || !unit.active) throw notFound('Đơn vị');
    return { assigneeUnitId: unit.id, assigneeUserId: null, name: unit.name };
  }
  const user = await tx.users.findById(a.userId!);
  if (!user || user.agencyId !== agencyId || !user.active) throw notFound('Người nhận');
  return { assigneeUnitId: null, assigneeUserId: user.id, name: user.fullName };
}
