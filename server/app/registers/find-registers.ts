import { isRegisterDirection, pickRegister, REGISTER_DIRECTION_LABELS, type RegisterDirection } from '../../domain/register/register.ts';
import { allocationYear } from '../../domain/register/numbering.ts';
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { RegisterRecord } from '../ports/registers.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { allocationPermission, assertRegisterAccess } from './register-access.ts';

export interface FindRegistersFilter {
  direction?: string;
  year?: number;
}

/**
 * An agency's registers with the number each would give next this year: for its administrator,
 * and for those who keep or read registers (clerks, leaders) when they choose one.
 */
export async function findRegisters(
  tx: TxPorts,
  deps: { clock: Clock },
  actor: Actor | null,
  agencyId: string,
  filter: FindRegistersFilter = {},
): Promise<(RegisterRecord & { nextNumber: number })[]> {
  assertRegisterAccess(actor, agencyId, ['register.manage', 'register.read'], 'Cơ quan');
  let direction: RegisterDirection | undefined;
  if (filter.direction !== undefined) {
    if (!isRegisterDirection(filter.direction)) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Loại sổ không hợp lệ.', { field: 'direction' });
    direction = filter.direction;
  }
  const registers = await tx.registers.listByAgency(agencyId, { direction, year: filter.year });
  const year = allocationYear(deps.clock.now());
  return Promise.all(registers.map(async (r) => ({ ...r, nextNumber: await tx.registerCounter.peek(r.id, year) })));
}

/**
 * The open register that numbers a document of this direction and type in the agency, for the
 * issuing and registering steps (the clerk may still choose another open one of the direction).
 */
export async function findRegisterFor(tx: TxPorts, actor: Actor | null, agencyId: string, direction: RegisterDirection, typeCode?: string): Promise<RegisterRecord> {
  assertRegisterAccess(actor, agencyId, [allocationPermission(direction)], 'Cơ quan');
  const register = pickRegister(await tx.registers.listByAgency(agencyId, { direction }), direction, typeCode);
  if (!register) {
    throw new AppError(ErrorCode.REGISTER_NOT_CONFIGURED, `Cơ quan chưa mở ${REGISTER_DIRECTION_LABELS[direction].toLowerCase()} dùng được cho văn bản này. Hãy đề nghị quản trị cơ quan mở sổ.`, { direction, typeCode });
  }
  return register;
}
