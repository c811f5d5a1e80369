import type { Clock } from '../ports/clock.ts';
import type { FileStore } from '../ports/file-store.ts';
import type { TextExtractor } from '../ports/text-extractor.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export interface TextRunDeps {
  uow: UnitOfWork;
  files: FileStore;
  extractor: TextExtractor;
  clock: Clock;
}

export interface TextRun {
  done: number;
  noText: number;
  failed: number;
  retried: number;
}

/** A passing failure is retried this many times in all before the file is marked failed. */
export const MAX_ATTEMPTS = 3;
/** A claim older than this is taken for a crashed node's and claimed again. */
export const STALE_CLAIM_MS = 15 * 60_000;

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

/**
 * The background step of search (job `search.text.extract`): claims main files waiting for their
 * text, reads each (pdftotext, or OCR for a scan), stores the text and re-indexes every document
 * whose main file it is. Reading happens outside any transaction; claims use SKIP LOCKED, so
 * several worker nodes share the queue. The index is derived data: no audit event is written.
 */
export async function updateSearchTexts(deps: TextRunDeps, options: { limit?: number } = {}): Promise<TextRun> {
  const staleBefore = new Date(deps.clock.now().getTime() - STALE_CLAIM_MS);
  const jobs = await deps.uow.run((tx) => tx.search.claimTexts(options.limit ?? 5, staleBefore));
  const run: TextRun = { done: 0, noText: 0, failed: 0, retried: 0 };
  for (const job of jobs) {
    try {
      if (!(await deps.files.has(job.sha256))) {
        await deps.uow.run((tx) => tx.search.saveText(job.sha256, { state: 'no_text', note: 'Không tìm thấy tệp trong kho lưu trữ' }));
        run.noText++;
        continue;
      }
      const extracted = await deps.extractor.extract(await readAll(await deps.files.get(job.sha256)));
      if (extracted.kind === 'text') {
        await deps.uow.run((tx) => tx.search.saveText(job.sha256, { state: 'done', method: extracted.method, body: extracted.text }));
        run.done++;
      } else {
        await deps.uow.run((tx) => tx.search.saveText(job.sha256, { state: 'no_text', note: extracted.reason }));
        run.noText++;
      }
    } catch (error) {
      const note = `Lỗi khi đọc chữ: ${(error as Error).message}`.slice(0, 500);
      if (job.attempts >= MAX_ATTEMPTS) {
        await deps.uow.run((tx) => tx.search.saveText(job.sha256, { state: 'failed', note }));
        run.failed++;
      } else {
        await deps.uow.run((tx) => tx.search.releaseText(job.sha256, note));
        run.retried++;
      }
    }
  }
  return run;
}
