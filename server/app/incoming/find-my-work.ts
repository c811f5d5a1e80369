/**
 * "My work" (domain.md §8.6): open assignments of the user, of their unit when they head it, and —
 * for whoever assigns (leaders, deputies, heads) — the open ones they assigned, so overdue items
 * escalate to them. Sorted by effective deadline, undated last.
 */
import { localDateOf } from '../../domain/calendar/vietnam-time.ts';
import { combineCalendars, workingDaysAfter, type WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import type { Actor } from '../actor.ts';
import type { WorkItem } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { rolesOrNotFound } from './incoming-access.ts';

export interface MyWorkItem extends WorkItem {
  overdue: boolean;
  /** Working days past the deadline (operator's calendar: holidays and weekends do not count). */
  overdueWorkingDays: number;
  /** Assigned by the user (they follow it), not to them. */
  followUp: boolean;
}

export async function findMyWork(tx: TxPorts, deps: { clock: { now(): Date }; calendar: WorkingCalendar }, actor: Actor, agencyId: string): Promise<MyWorkItem[]> {
  const roles = rolesOrNotFound(actor, agencyId, 'Cơ quan');
  const head = roles.includes('head_of_unit');
  const assigns = head || roles.includes('leader') || roles.includes('deputy_leader');
  const today = localDateOf(deps.clock.now());
  const items = await tx.assignments.listWork(agencyId, { userId: actor.userId, unitId: head ? actor.unitId : null, assignedBy: assigns });
  const cal = combineCalendars(deps.calendar, await tx.workCalendar.load());
  return items.map((i) => ({
    ...i,
    overdue: i.assignment.deadline !== null && i.assignment.deadline < today,
    overdueWorkingDays: i.assignment.deadline !== null && i.assignment.deadline < today ? workingDaysAfter(cal, i.assignment.deadline, today) : 0,
    followUp: i.assignment.assigneeUserId !== actor.userId && !(head && i.assignment.assigneeUnitId === actor.unitId),
  }));
}
