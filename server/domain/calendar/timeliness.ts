import type { Urgency } from '../document/urgency.ts';
import { addWorkingMinutes, nextWorkingDay, type WorkingCalendar, type WorkingHours, DEFAULT_WORKING_HOURS } from './working-calendar.ts';
import { endOfLocalDay, localDateOf, localInstant } from './vietnam-time.ts';

/** Settings of the timeliness tests (domain.md §2); the defaults are the spec's. */
export interface TimelinessSettings {
  /** "Immediately" in working minutes. */
  readonly immediateMinutes: number;
  /** When "morning" ends, local "HH:MM". */
  readonly morningEnds: string;
  readonly workingHours: WorkingHours;
}

export const DEFAULT_TIMELINESS: TimelinessSettings = { immediateMinutes: 60, morningEnds: '12:00', workingHours: DEFAULT_WORKING_HOURS };

/**
 * The latest instant an incoming document arriving at `arrivedAt` may be registered or refused:
 * the end of the next working day after the arrival date, or "immediately" when urgent.
 */
export function registrationDeadline(cal: WorkingCalendar, arrivedAt: Date, urgency: Urgency, settings: TimelinessSettings = DEFAULT_TIMELINESS): Date {
  if (urgency !== 'normal') return addWorkingMinutes(cal, arrivedAt, settings.immediateMinutes, settings.workingHours);
  return endOfLocalDay(nextWorkingDay(cal, localDateOf(arrivedAt)));
}

export function registeredOnTime(cal: WorkingCalendar, arrivedAt: Date, registeredAt: Date, urgency: Urgency, settings: TimelinessSettings = DEFAULT_TIMELINESS): boolean {
  return registeredAt.getTime() <= registrationDeadline(cal, arrivedAt, urgency, settings).getTime();
}

/**
 * The latest instant the hub may take custody of an outgoing document signed at `signedAt`: noon
 * of the next working day after the signing date, or "immediately" after signing when urgent.
 */
export function sendingDeadline(cal: WorkingCalendar, signedAt: Date, urgency: Urgency, settings: TimelinessSettings = DEFAULT_TIMELINESS): Date {
  if (urgency !== 'normal') return addWorkingMinutes(cal, signedAt, settings.immediateMinutes, settings.workingHours);
  return localInstant(nextWorkingDay(cal, localDateOf(signedAt)), settings.morningEnds);
}

export function sentOnTime(cal: WorkingCalendar, signedAt: Date, custodyAt: Date, urgency: Urgency, settings: TimelinessSettings = DEFAULT_TIMELINESS): boolean {
  return custodyAt.getTime() <= sendingDeadline(cal, signedAt, urgency, settings).getTime();
}
