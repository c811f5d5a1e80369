/**
 * The worker role (`--services worker`): runs the hub's delivery job `hub.delivery.send`.
 *
 * On PostgreSQL the job goes through pg-boss, so several nodes share one queue and nothing needs a
 * second broker; a timer enqueues at most one tick per second (singleton key) and whichever node
 * picks it up delivers everything due. Exactly-once per delivery does not depend on pg-boss: each
 * delivery is claimed with SELECT … FOR UPDATE SKIP LOCKED (app/hub/deliver-due.ts).
 *
 * On embedded PGlite the worker is a plain polling loop in the one process: pg-boss did start over
 * the pool's `executeSql` once, but its start-up took most of a minute and hung on a second try, and
 * a single-connection database gains nothing from a job queue.
 */
import PgBoss from 'pg-boss';
import { deliverDue, type DeliveryRun } from '../../app/hub/deliver-due.ts';
import type { HubDeps } from '../../app/hub/hub-deps.ts';
import type { AppDeps } from '../http/deps.ts';
import { hubDepsOf } from '../hub/hub-deps.ts';
import { incomingDepsOf } from '../incoming/incoming-deps.ts';
import { incomingJobs } from '../incoming/incoming-jobs.ts';
import { startReportSchedule } from './report-schedule.ts';
import { receiveStatuses } from '../../app/outgoing/receive-statuses.ts';
import { resumeIssues } from '../../app/outgoing/resume-issues.ts';
import { outgoingDepsOf } from '../outgoing/outgoing-deps.ts';

export const DELIVERY_JOB = 'hub.delivery.send';

export interface Worker {
  readonly mode: 'pg-boss' | 'polling';
  stop(): Promise<void>;
}

export interface WorkerOptions {
  /** How often due deliveries are looked for. */
  intervalMs?: number;
  /** Deliveries claimed and pushed side by side in one pass (HUB_DELIVERY_LANES). */
  lanes?: number;
  hub?: HubDeps;
  onRun?: (run: DeliveryRun) => void;
  onError?: (error: unknown) => void;
  /** Runs after each delivery pass (default: the incoming-document jobs: arrivals, reminders). */
  afterDelivery?: () => Promise<void>;
  /** Work run after each delivery pass (outgoing documents: statuses that came back, issues left part-way). */
  afterPass?: () => Promise<unknown>;
}

/** One pass: deliver until nothing is due (bounded, so one pass never runs forever). */
async function deliverAllDue(hub: HubDeps, options: WorkerOptions): Promise<void> {
  for (let pass = 0; pass < 20; pass++) {
    const lanes = options.lanes ?? 1;
    // Two claim loops of 2 × lanes deliveries each: each claim and each batch of answers is one
    // transaction, one loop's transactions overlap the other's pushes, and a batch's pushes to one
    // peer share batch requests (bench/hub README).
    const run = await deliverDue(hub, { limit: 200, lanes, batch: 2 * lanes, loops: 2 });
    options.onRun?.(run);
    if (run.delivered + run.failed + run.dead < 200) break;
  }
  await options.afterDelivery?.();
  await options.afterPass?.();
}

function startPolling(hub: HubDeps, options: WorkerOptions): Worker {
  const interval = options.intervalMs ?? 1000;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    if (stopped) return;
    running = deliverAllDue(hub, options)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, interval);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    mode: 'polling',
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

async function startPgBoss(connectionString: string, hub: HubDeps, options: WorkerOptions): Promise<Worker> {
  const interval = options.intervalMs ?? 1000;
  const boss = new PgBoss({ connectionString, schema: 'pgboss', schedule: false });
  boss.on('error', (error: unknown) => options.onError?.(error));
  await boss.start();
  if (!(await boss.getQueue(DELIVERY_JOB))) await boss.createQueue(DELIVERY_JOB);
  await boss.work(DELIVERY_JOB, { pollingIntervalSeconds: Math.max(0.5, interval / 1000), batchSize: 1 }, async () => {
    await deliverAllDue(hub, options);
  });
  const enqueue = (): void => {
    boss.send(DELIVERY_JOB, {}, { singletonKey: 'tick', singletonSeconds: 1 }).catch((error: unknown) => options.onError?.(error));
  };
  enqueue();
  const timer = setInterval(enqueue, interval);
  return {
    mode: 'pg-boss',
    stop: async () => {
      clearInterval(timer);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

export async function startWorker(deps: AppDeps, options: WorkerOptions = {}): Promise<Worker> {
  const hub = options.hub ?? hubDepsOf(deps);
  options = { intervalMs: deps.config.hub.workerIntervalMs, lanes: deps.config.hub.deliveryLanes, ...options };
  options = { ...options, afterDelivery: options.afterDelivery ?? incomingJobs(incomingDepsOf(deps)) };
  const outgoing = outgoingDepsOf(deps);
  options = { afterPass: async () => { await receiveStatuses(outgoing); await resumeIssues(outgoing); }, ...options };
  const worker = deps.database.kind === 'postgres' && deps.config.databaseUrl ? await startPgBoss(deps.config.databaseUrl, hub, options) : startPolling(hub, options);
  // Evaluation reports of finished periods (report-schedule.ts), hourly beside the deliveries.
  const reports = startReportSchedule(deps, { onError: options.onError });
  return { mode: worker.mode, stop: async () => { await reports.stop(); await worker.stop(); } };
}
