import { issueDocument } from './issue-document.ts';
import type { OutgoingDeps } from './outgoing-deps.ts';

/**
 * The worker's pass over issuing runs left part-way (a crash, a restart): each document still
 * `issuing` and untouched for `staleMs` is carried on from its last committed step. A run a clerk
 * is still driving is left alone; two runs meeting on one document are harmless anyway (each step
 * commits under the row lock, only once).
 */
export async function resumeIssues(deps: OutgoingDeps, options: { staleMs?: number; limit?: number } = {}): Promise<{ resumed: number; failed: number }> {
  const staleBefore = deps.clock.now().getTime() - (options.staleMs ?? 120_000);
  const stuck = (await deps.uow.run((tx) => tx.outgoing.listIssuing(options.limit ?? 20))).filter((d) => d.updatedAt.getTime() <= staleBefore);
  let resumed = 0;
  let failed = 0;
  for (const doc of stuck) {
    try {
      await issueDocument(deps, null, doc.id);
      resumed++;
    } catch {
      failed++;
    }
  }
  return { resumed, failed };
}
