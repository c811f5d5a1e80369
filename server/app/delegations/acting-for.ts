/**
 * May `delegateUserId` act for `principalUserId` at `at` (domain.md §4.3)? Only inside a recorded,
 * not cancelled delegation interval [startsAt, endsAt). Outside it the refusal says which interval
 * there is (or that there is none), in Vietnamese.
 */
import { localDateOf, localMinuteOfDay } from '../../domain/calendar/vietnam-time.ts';
import { AppError, ErrorCode } from '../errors.ts';
import type { DelegationRecord } from '../ports/delegations.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

/** "08:00 ngày 04/05/2026", Vietnam time. */
export function vnDateTime(at: Date): string {
  const [y, m, d] = localDateOf(at).split('-');
  const minute = Math.floor(localMinuteOfDay(at));
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${hh}:${mm} ngày ${d}/${m}/${y}`;
}

export function isActiveAt(d: DelegationRecord, at: Date): boolean {
  return d.cancelledAt === null && d.startsAt <= at && at < d.endsAt;
}

/** The delegation in force, or a FORBIDDEN error naming the principal and the recorded interval(s). */
export async function requireActingFor(tx: TxPorts, principal: { id: string; fullName: string }, delegateUserId: string, at: Date): Promise<DelegationRecord> {
  const between = await tx.delegations.listBetween(principal.id, delegateUserId);
  const active = between.find((d) => isActiveAt(d, at));
  if (active) return active;
  const near = between.find((d) => d.endsAt > at) ?? between[between.length - 1];
  const base = `Văn bản đã trình cho ${principal.fullName}. Bạn chỉ được chỉ đạo thay khi ${principal.fullName} vắng mặt và đã ủy quyền cho bạn`;
  if (!near) throw new AppError(ErrorCode.FORBIDDEN, `${base}; hiện không có ủy quyền nào.`);
  const when = near.startsAt > at ? 'chưa bắt đầu' : 'đã hết hạn';
  throw new AppError(ErrorCode.FORBIDDEN, `${base}; ủy quyền từ ${vnDateTime(near.startsAt)} đến ${vnDateTime(near.endsAt)} ${when}.`);
}
