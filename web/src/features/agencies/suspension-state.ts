import type { ReceivingSuspension } from '../../api/receiving-suspensions.ts';

export type SuspensionState = 'current' | 'upcoming' | 'ended';

export const STATE_LABELS: Record<SuspensionState, string> = { current: 'Đang tạm dừng', upcoming: 'Sắp tới', ended: 'Đã kết thúc' };

/** Where a suspension stands on `today` (YYYY-MM-DD, local): both ends are inclusive, no end means until further notice. */
export function suspensionState(s: Pick<ReceivingSuspension, 'startsOn' | 'endsOn'>, today: string): SuspensionState {
  if (s.startsOn > today) return 'upcoming';
  if (s.endsOn !== null && s.endsOn < today) return 'ended';
  return 'current';
}

/** Today's date where the browser is, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Current first, then upcoming, then ended; within each, the earliest start first (ended: the latest first). */
export function orderSuspensions<T extends Pick<ReceivingSuspension, 'startsOn' | 'endsOn' | 'agencyName'>>(items: T[], today: string): T[] {
  const rank: Record<SuspensionState, number> = { current: 0, upcoming: 1, ended: 2 };
  return [...items].sort((a, b) => {
    const sa = suspensionState(a, today);
    const sb = suspensionState(b, today);
    if (sa !== sb) return rank[sa] - rank[sb];
    const byStart = sa === 'ended' ? b.startsOn.localeCompare(a.startsOn) : a.startsOn.localeCompare(b.startsOn);
    return byStart !== 0 ? byStart : a.agencyName.localeCompare(b.agencyName, 'vi');
  });
}
