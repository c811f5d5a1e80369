import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import { can } from '../policies/permissions.ts';
import type { ReceivingSuspension } from '../ports/receiving-suspensions.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

/** Suspensions are the system operator's (hub.operate); `null` is the command line. */
function assertOperator(actor: Actor | null): void {
  if (actor && !can(actor.roles, 'hub.operate')) throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ quản trị hệ thống được ghi việc tạm dừng nhận văn bản.');
}

function checkDate(value: string, field: string): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!ok) throw new AppError(ErrorCode.VALIDATION_FAILED, `Ngày "${value}" không hợp lệ (định dạng YYYY-MM-DD).`, { field });
  return value;
}

export async function findReceivingSuspensions(tx: TxPorts, actor: Actor | null): Promise<ReceivingSuspension[]> {
  assertOperator(actor);
  return tx.receivingSuspensions.list();
}

/** Records that an agency does not receive through the system from `startsOn` to `endsOn` (inclusive; null: until further notice). */
export async function suspendReceiving(
  tx: TxPorts, actor: Actor | null, input: { agencyId: string; startsOn: string; endsOn?: string | null; reason: string },
): Promise<ReceivingSuspension> {
  assertOperator(actor);
  const startsOn = checkDate(input.startsOn, 'startsOn');
  const endsOn = input.endsOn ? checkDate(input.endsOn, 'endsOn') : null;
  if (endsOn && endsOn < startsOn) throw new AppError(ErrorCode.VALIDATION_FAILED, `Ngày kết thúc ${endsOn} trước ngày bắt đầu ${startsOn}.`, { field: 'endsOn' });
  const reason = input.reason.trim();
  if (reason === '' || reason.length > 500) throw new AppError(ErrorCode.VALIDATION_FAILED, 'Cần ghi lý do tạm dừng nhận (tối đa 500 ký tự).', { field: 'reason' });
  if (!(await tx.agencies.findById(input.agencyId))) throw notFound('Cơ quan');
  const s = await tx.receivingSuspensions.add({ agencyId: input.agencyId, startsOn, endsOn, reason, createdBy: actor?.userId ?? null });
  await tx.audit.record({
    type: 'agency.receiving_suspended', actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: s.agencyId,
    subjectType: 'agency', subjectId: s.agencyId, data: { suspensionId: s.id, startsOn, endsOn, reason },
  });
  return s;
}

export async function removeReceivingSuspension(tx: TxPorts, actor: Actor | null, id: string): Promise<void> {
  assertOperator(actor);
  const s = await tx.receivingSuspensions.remove(id);
  if (!s) throw notFound('Lần tạm dừng nhận');
  await tx.audit.record({
    type: 'agency.receiving_suspension_removed', actorUserId: actor?.userId ?? null, actorAgencyId: actor?.agencyId ?? null, agencyId: s.agencyId,
    subjectType: 'agency', subjectId: s.agencyId, data: { suspensionId: s.id, startsOn: s.startsOn, endsOn: s.endsOn },
  });
}
