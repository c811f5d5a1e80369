/**
 * Worker step: status packages in an agency's inbox about a document it did not send (exchange.md
 * §3). A `13` (Lấy lại) from the document's issuer opens a revocation request for the clerk, the
 * same as a type 1 package (C44; parked while the document is unknown here). Anything else — another
 * code, a 13 from an organ that did not send the document, unreadable bytes — is recorded and not
 * applied. Each row is marked processed in the transaction that handles it.
 */
import { normalizeStatusCode } from '../../domain/exchange/status-codes.ts';
import type { StatusPackageReader } from '../ports/status-package-reader.ts';
import { readAll } from '../files/read-all.ts';
import type { IncomingDeps } from './incoming-deps.ts';
import { receiveRecallStatus } from './receive-changes.ts';

export async function receiveRecallStatuses(deps: Pick<IncomingDeps, 'uow' | 'clock' | 'files'> & { statusReader: StatusPackageReader }, options: { limit?: number } = {}): Promise<{ opened: number; ignored: number }> {
  const run = { opened: 0, ignored: 0 };
  for (let i = 0; i < (options.limit ?? 100); i++) {
    const done = await deps.uow.run(async (tx) => {
      const arrival = await tx.changeRequests.claimForeignStatus();
      if (!arrival) return false;
      const now = deps.clock.now();
      let outcome: { opened: boolean; code: string | null; reason?: string };
      try {
        const status = deps.statusReader.readStatus(await readAll(await deps.files.get(arrival.payloadSha256)));
        const code = normalizeStatusCode(status.StatusCode);
        const target = status.ResponseFor.DocumentId ?? arrival.documentId;
        if (code !== '13' || !target) outcome = { opened: false, code, reason: 'not a recall request about a received document' };
        else if (await receiveRecallStatus(tx, arrival, target, status.Description?.trim() || null, now)) outcome = { opened: true, code };
        else outcome = { opened: false, code, reason: 'the sender did not issue the document' };
      } catch {
        outcome = { opened: false, code: null, reason: 'unreadable' };
      }
      if (!outcome.opened) {
        await tx.audit.record({
          type: 'incoming.status_not_applied', actorUserId: null, actorAgencyId: null, agencyId: arrival.agencyId, subjectType: 'hub_inbox', subjectId: arrival.inboxId,
          data: { packageId: arrival.packageId, from: arrival.senderCode, documentId: arrival.documentId, code: outcome.code, reason: outcome.reason },
        });
      }
      await tx.changeRequests.markInboxProcessed(arrival.inboxId, now);
      run[outcome.opened ? 'opened' : 'ignored']++;
      return true;
    });
    if (!done) break;
  }
  return run;
}
