/**
 * The scheduled evaluation reports (domain.md §15.3): once an hour the worker looks for the last
 * finished half-year and year and generates each one the archive lacks. The generation runs in one
 * transaction under an advisory lock, so two worker nodes never archive the same period twice.
 */
import { generateDueEvaluations } from '../../app/reports/create-evaluation-report.ts';
import type { AppDeps } from '../http/deps.ts';

export const REPORT_JOB = 'report.evaluation.generate';

export interface ReportSchedule {
  stop(): Promise<void>;
}

export function startReportSchedule(deps: AppDeps, options: { intervalMs?: number; onError?: (error: unknown) => void; onGenerated?: (count: number) => void } = {}): ReportSchedule {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = (): void => {
    if (stopped) return;
    running = deps.uow.run((tx) => generateDueEvaluations(tx, { clock: deps.clock, renderer: deps.reports }))
      .then((made) => options.onGenerated?.(made.length))
      .catch((error: unknown) => options.onError?.(error));
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, options.intervalMs ?? 3_600_000);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
