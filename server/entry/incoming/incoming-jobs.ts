/**
 * The incoming-document module's share of the worker loop: turn delivered packages into arrivals
 * (and their `01`) and received recall requests (status `13`) into change requests on every tick; look for due reminders at most once a minute. Both are safe on
 * several nodes at once (SKIP LOCKED claims, unique reminder rows).
 */
import type { IncomingDeps } from '../../app/incoming/incoming-deps.ts';
import { receiveArrivals } from '../../app/incoming/receive-arrivals.ts';
import { receiveRecallStatuses } from '../../app/incoming/receive-recall-statuses.ts';
import { sendReminders } from '../../app/incoming/send-reminders.ts';

export const REMINDER_INTERVAL_MS = 60_000;

export function incomingJobs(deps: IncomingDeps, options: { reminderIntervalMs?: number } = {}): () => Promise<void> {
  let lastReminders = 0;
  const interval = options.reminderIntervalMs ?? REMINDER_INTERVAL_MS;
  return async () => {
    await receiveArrivals(deps);
    await receiveRecallStatuses(deps);
    if (Date.now() - lastReminders >= interval) {
      lastReminders = Date.now();
      await sendReminders(deps);
    }
  };
}
