/**
 * Default handling deadlines (domain.md §8.6): the agency's working days per (type, urgency), else
 * the seed values 10 / 3 / 2 / 1 working days [LT, not law], counted from direction, never later
 * than the sender's reply-by date. Days off of the operator's calendar (tx.workCalendar) are skipped.
 */
import { addWorkingDays, combineCalendars, type WorkingCalendar } from '../../domain/calendar/working-calendar.ts';
import { localDateOf } from '../../domain/calendar/vietnam-time.ts';
import { DOCUMENT_TYPES } from '../../domain/document/document-types.ts';
import type { Urgency } from '../../domain/document/urgency.ts';
import type { IncomingRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';

export const SEED_WORKING_DAYS: Record<Urgency, number> = { normal: 10, urgent: 3, very_urgent: 2, flash: 1 };

export function typeCodeOf(typeName: string): string {
  const name = typeName.trim().toLowerCase();
  return DOCUMENT_TYPES.find((t) => t.name.toLowerCase() === name)?.code ?? '*';
}

export async function defaultDeadline(tx: TxPorts, cal: WorkingCalendar, doc: IncomingRecord, now: Date): Promise<string> {
  const urgency = (doc.urgency in SEED_WORKING_DAYS ? doc.urgency : 'normal') as Urgency;
  const days = (await tx.incoming.deadlineDays(doc.agencyId, typeCodeOf(doc.typeName), urgency)) ?? SEED_WORKING_DAYS[urgency];
  const computed = addWorkingDays(combineCalendars(cal, await tx.workCalendar.load()), localDateOf(now), days);
  return doc.dueDate && doc.dueDate < computed ? doc.dueDate : computed;
}
