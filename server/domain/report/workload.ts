import { addWorkingDays, type WorkingCalendar } from '../calendar/working-calendar.ts';
import { localDateOf } from '../calendar/vietnam-time.ts';
import type { SupervisionFact } from './facts.ts';

/** How many working days ahead "due soon" looks (domain.md §8.6 reminders) [LT]. */
export const DUE_SOON_WORKING_DAYS = 3;

export type WorkloadState = 'overdue' | 'due_soon' | 'open';

export interface WorkloadItem {
  readonly documentKey: string;
  readonly unitId: string | null;
  readonly userId: string | null;
  readonly deadline: string | null;
  readonly state: WorkloadState;
}

/**
 * The agency's open incoming work at `now` (the leaders' view, §15.2 last paragraph): registered,
 * not refused, cancelled or finished; overdue when the effective deadline date is before today,
 * due soon within the next working days, otherwise open (including items without a deadline).
 */
export function openWork(facts: readonly SupervisionFact[], now: Date, cal: WorkingCalendar): WorkloadItem[] {
  const today = localDateOf(now);
  const soon = addWorkingDays(cal, today, DUE_SOON_WORKING_DAYS);
  const registered = new Set<string>();
  const closed = new Set<string>();
  const deadlines = new Map<string, Extract<SupervisionFact, { kind: 'incoming.deadline_set' | 'incoming.deadline_extended' }>>();
  for (const f of facts) {
    if (f.occurredAt > now) continue;
    if (f.kind === 'incoming.registered') registered.add(f.documentKey);
    else if (f.kind === 'incoming.refused' || f.kind === 'incoming.cancelled' || f.kind === 'incoming.finished') closed.add(f.documentKey);
    else if (f.kind === 'incoming.deadline_set' || f.kind === 'incoming.deadline_extended') {
      const known = deadlines.get(f.documentKey);
      if (!known || f.occurredAt >= known.occurredAt) deadlines.set(f.documentKey, f);
    }
  }
  const items: WorkloadItem[] = [];
  for (const key of registered) {
    if (closed.has(key)) continue;
    const d = deadlines.get(key);
    const deadline = d?.data.deadline ?? null;
    const state: WorkloadState = deadline === null ? 'open' : deadline < today ? 'overdue' : deadline <= soon ? 'due_soon' : 'open';
    items.push({ documentKey: key, unitId: d?.data.unitId ?? null, userId: d?.data.userId ?? null, deadline, state });
  }
  return items;
}

export interface WorkloadCounts {
  open: number;
  dueSoon: number;
  overdue: number;
}

/** Counts per key (unit or person); `null` collects items without one. */
export function countBy(items: readonly WorkloadItem[], key: (i: WorkloadItem) => string | null): Map<string | null, WorkloadCounts> {
  const out = new Map<string | null, WorkloadCounts>();
  for (const i of items) {
    const k = key(i);
    const c = out.get(k) ?? { open: 0, dueSoon: 0, overdue: 0 };
    if (i.state === 'overdue') c.overdue++;
    else if (i.state === 'due_soon') c.dueSoon++;
    else c.open++;
    out.set(k, c);
  }
  return out;
}
