/**
 * The incoming-document module's share of the worker loop: turn delivered packages into arrivals
 * (and their `01`) on every tick; look for due reminders at most once a minute. Both are safe on
 * several nodes at once (SKIP LOCKED claims, unique reminder rows).
 */
import type { IncomingDeps } from '../../app/incoming/incoming-deps.ts';
import { receiveArrivals } from '../../app/incoming/receive-arrivals.ts';
import { sendReminders } from '../../app/incoming/send-reminders.ts';

export const REMINDER_INTERVAL_MS = 60_000;

export function incomingJobs(deps: IncomingDeps, options: { reminderIntervalMs?: number } = {}): () => Promise<void> {
  let lastReminders = 0;
  const interval = options.reminderIntervalMs ?? REMINDER_INTERVAL_MS;
  return async () => {
    await receiveArrivals(deps);
    if (Date.now() - lastReminders >= interval) {
      lastReminders = Date.now();
      await sendReminders(deps);
    }
  };
}
