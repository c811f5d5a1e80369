import { applyReceivedStatus, type ExchangeState, type HandlingState } from '../../domain/exchange/transitions.ts';
import { normalizeStatusCode } from '../../domain/exchange/status-codes.ts';
import { wireTimestampToDate } from '../../domain/exchange/wire-dates.ts';
import { documentIdKey, sameDocumentId } from '../../domain/exchange/document-id.ts';
import type { StatusArrival } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { readBytes } from './file-bytes.ts';
import type { OutgoingDeps } from './outgoing-deps.ts';

export interface StatusRun {
  applied: number;
  late: number;
  flagged: number;
  unmatched: number;
}

const HANDLING: readonly string[] = ['01', '02', '03', '04', '05', '06'];

/**
 * Applies the business statuses recipients sent back (exchange.md §3): each status package the hub
 * put in a local agency's inbox is matched to the outgoing document it names (ResponseFor/DocumentId)
 * and the recipient that sent it (From/OrganId), applied tolerantly (never backwards, §3.3), kept
 * as an event with its time, and marked processed. One transaction per batch; rows other workers
 * hold are skipped. Called by the worker loop and by tests.
 */
export async function receiveStatuses(deps: Pick<OutgoingDeps, 'uow' | 'clock' | 'files' | 'statusReader'>, options: { limit?: number } = {}): Promise<StatusRun> {
  const run: StatusRun = { applied: 0, late: 0, flagged: 0, unmatched: 0 };
  await deps.uow.run(async (tx) => {
    for (const arrival of await tx.outgoing.claimStatusArrivals(options.limit ?? 100)) {
      const outcome = await applyOne(tx, deps, arrival);
      run[outcome]++;
      await tx.outgoing.markArrivalProcessed(arrival.inboxId, deps.clock.now());
    }
  });
  return run;
}

async function applyOne(tx: TxPorts, deps: Pick<OutgoingDeps, 'clock' | 'files' | 'statusReader'>, arrival: StatusArrival): Promise<keyof StatusRun> {
  const audit = async (data: Record<string, unknown>, subjectId: string) =>
    tx.audit.record({ type: 'outgoing.status_received', actorUserId: null, actorAgencyId: null, agencyId: arrival.agencyId, subjectType: 'outgoing_document', subjectId, data: { packageId: arrival.packageId, ...data } });
  let status;
  try {
    status = deps.statusReader.readStatus(await readBytes(deps.files, arrival.payloadSha256));
  } catch {
    await audit({ outcome: 'unmatched', reason: 'unreadable' }, arrival.inboxId);
    return 'unmatched';
  }
  const code = normalizeStatusCode(status.StatusCode);
  const documentId = status.ResponseFor.DocumentId ?? arrival.documentId;
  const doc = documentId ? await tx.outgoing.findByEdxmlDocumentId(arrival.agencyId, documentId) : undefined;
  const recipient = doc && (await tx.outgoing.listRecipients(doc.id)).find((r) => r.organCode === status.From.OrganId);
  if (!doc || !recipient || !code || !documentId || !sameDocumentId(documentId, doc.edxmlDocumentId!)) {
    // A status about a document this agency never sent to that organ is kept in the audit trail, not applied (§3.3).
    await audit({ outcome: 'unmatched', documentId, from: status.From.OrganId, code: status.StatusCode }, doc?.id ?? arrival.inboxId);
    return 'unmatched';
  }
  const state: ExchangeState = {
    handling: recipient.businessStatus && HANDLING.includes(recipient.businessStatus) ? (recipient.businessStatus as HandlingState) : 'none',
    openChange: recipient.changeOpen ?? undefined,
  };
  const result = applyReceivedStatus(state, code);
  const occurredAt = wireTimestampToDate(status.Timestamp) ?? arrival.receivedAt;
  const description = status.Description?.trim() || null;
  await tx.outgoing.addRecipientEvent({
    documentId: doc.id, recipientId: recipient.id, statusCode: code, description, occurredAt, receivedAt: arrival.receivedAt, inboxId: arrival.inboxId,
    outcome: result.outcome, note: result.outcome === 'flagged' ? result.reason : null,
  });
  const fact = { agencyId: doc.agencyId, documentKey: documentIdKey(doc.edxmlDocumentId!), occurredAt };
  if (result.outcome === 'applied' && (code === '15' || code === '16')) {
    await tx.supervisionFacts.record({ ...fact, kind: 'outgoing.change_answered', data: { receiverKey: status.From.OrganId, code, reason: description } });
  } else if (result.outcome === 'applied' && code === '02') {
    await tx.supervisionFacts.record({ ...fact, kind: 'outgoing.refused_by_receiver', data: { receiverKey: status.From.OrganId, reason: description ?? 'Không nêu lý do' } });
  }
  if (result.outcome === 'applied' && (code === '15' || code === '16')) {
    // The answer to our recall: 15 accepted (cancelled there), 16 refused with its reason.
    await tx.outgoing.updateRecipient(recipient.id, { changeOpen: null, changeAnswer: code, changeAnswerReason: description, changeAnsweredAt: occurredAt });
  } else if (result.outcome === 'applied') {
    await tx.outgoing.updateRecipient(recipient.id, {
      businessStatus: code, statusDescription: description, statusAt: occurredAt, ...(code === '02' && { refusedReason: description ?? 'Không nêu lý do' }),
    });
  }
  await audit({ outcome: result.outcome, recipientId: recipient.id, from: status.From.OrganId, code }, doc.id);
  return result.outcome;
}
