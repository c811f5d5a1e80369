/**
 * The search text job `search.text.extract` (worker role): reads the text of documents' main
 * files for search (app/search/update-search-texts.ts). A polling loop on both engines: each claim
 * takes its files with FOR UPDATE SKIP LOCKED, so several nodes share the work without a queue of
 * their own, and a crashed node's claims are taken again after STALE_CLAIM_MS.
 */
import { updateSearchTexts, type TextRun } from '../../app/search/update-search-texts.ts';
import type { TextExtractor } from '../../app/ports/text-extractor.ts';
import { PdfTextExtractor } from '../../adapters/search/pdf-text-extractor.ts';
import type { AppDeps } from '../http/deps.ts';

export const TEXT_JOB = 'search.text.extract';

export interface TextWorker {
  stop(): Promise<void>;
}

export interface TextWorkerOptions {
  /** Pause between passes that found nothing to do. */
  intervalMs?: number;
  extractor?: TextExtractor;
  onRun?: (run: TextRun) => void;
  onError?: (error: unknown) => void;
}

export function startTextExtraction(deps: AppDeps, options: TextWorkerOptions = {}): TextWorker {
  const extractor = options.extractor ?? new PdfTextExtractor();
  const interval = options.intervalMs ?? 5000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = (): void => {
    if (stopped) return;
    running = (async () => {
      // Keep going while there is work; rest only when a pass found nothing.
      for (let pass = 0; pass < 100 && !stopped; pass++) {
        const run = await updateSearchTexts({ uow: deps.uow, files: deps.files, extractor, clock: deps.clock });
        options.onRun?.(run);
        if (run.done + run.noText + run.failed + run.retried === 0) return;
      }
    })()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, interval);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
