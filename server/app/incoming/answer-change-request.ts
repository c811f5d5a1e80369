/**
 * The clerk answers a change request (exchange.md §2.8, §3.3; C43, C46, C47). Accepting sends `15`
 * and applies it: a revocation cancels the document at this organ (open assignments closed); an
 * update replaces the metadata, the previous version kept on the request; a replacement marks the
 * old document "replaced by" the new one. Refusing sends `16` with the reason; handling continues.
 */
import type { Actor } from '../actor.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { ChangeMetadata, ChangeRequestRecord } from '../ports/incoming-changes.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { IncomingTxDeps } from './incoming-deps.ts';
import { loadVisible, requirePermission, rolesOrNotFound, validationError } from './incoming-access.ts';
import { CHANGE_KIND_LABEL } from './receive-changes.ts';
import { indexIncoming } from './search-entry.ts';
import { sendIncomingStatus, STATUS_TEXT } from './send-status.ts';
import { incomingFacts } from './supervision-facts.ts';

export async function answerChangeRequest(
  tx: TxPorts, deps: IncomingTxDeps, actor: Actor, id: string, input: { accept: boolean; reason?: string },
): Promise<ChangeRequestRecord> {
  const cr = await tx.changeRequests.findById(id, { lock: true });
  if (!cr || !cr.incomingId) throw notFound('Yêu cầu thay đổi');
  const { doc, roles, assignments } = await loadVisible(tx, actor, cr.incomingId, { lock: true }).catch(() => {
    throw notFound('Yêu cầu thay đổi');
  });
  requirePermission(roles, 'incoming.register', 'Chỉ văn thư trả lời yêu cầu thu hồi, cập nhật, thay thế văn bản.');
  if (cr.state !== 'open') throw new AppError(ErrorCode.CONFLICT, 'Yêu cầu này đã được trả lời.');
  const reason = input.reason?.trim() ?? '';
  if (!input.accept && reason.length < 3) throw validationError('Từ chối yêu cầu phải nêu lý do.', 'reason');
  const now = deps.clock.now();
  const label = CHANGE_KIND_LABEL[cr.kind].toLowerCase();
  let previous: ChangeMetadata | null = null;

  if (!input.accept) {
    await sendIncomingStatus(tx, deps, doc, '16', reason, { department: 'Văn thư', name: actor.fullName });
  } else {
    // The answer goes out while the request is still open (15 answers it), then the change applies.
    await sendIncomingStatus(tx, deps, doc, '15', `${STATUS_TEXT['15']}: đồng ý ${label}`, { department: 'Văn thư', name: actor.fullName });
    if (cr.kind === 'update' && cr.metadata) {
      previous = {
        subject: doc.subject, codeNumber: doc.codeNumber, codeNotation: doc.codeNotation, promulgationDate: doc.promulgationDate, typeName: doc.typeName,
        signerName: doc.signerName, dueDate: doc.dueDate, urgency: doc.urgency,
      };
      await tx.incoming.update(doc.id, { ...cr.metadata });
    } else {
      const state = cr.kind === 'replace' ? 'replaced' : 'cancelled';
      for (const a of assignments) {
        if (a.state === 'pending' || a.state === 'in_progress') await tx.assignments.update(a.id, { state: 'closed', finishedAt: now, finishNote: cr.kind === 'replace' ? 'Văn bản đã bị thay thế' : 'Văn bản đã bị thu hồi' });
      }
      await tx.incoming.update(doc.id, {
        state, finishedAt: doc.finishedAt ?? now, outcome: state,
        outcomeNote: cr.kind === 'replace' ? `Bị thay thế bởi văn bản ${cr.replacementId}` : `Thu hồi${cr.reason ? `: ${cr.reason}` : ''}`,
      });
      await incomingFacts.cancelled(tx, doc, now);
    }
  }
  await tx.changeRequests.update(cr.id, {
    state: input.accept ? 'accepted' : 'refused', answerReason: reason || null, answeredBy: actor.userId, answeredAt: now, ...(previous && { previousMetadata: previous }),
  });
  await tx.incoming.insertEvent({
    incomingId: doc.id, agencyId: doc.agencyId, assignmentId: null, kind: input.accept ? 'change_accepted' : 'change_refused', actorUserId: actor.userId, onBehalfOf: null,
    text: reason || null, data: { changeRequestId: cr.id, kind: cr.kind, replacementId: cr.replacementId }, occurredAt: now,
  });
  await tx.audit.record({
    type: 'incoming.change_answered', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'incoming_change_request', subjectId: cr.id,
    data: { incomingId: doc.id, kind: cr.kind, accepted: input.accept, reason: reason || null },
  });
  await indexIncoming(tx, doc.id);
  return (await tx.changeRequests.findById(cr.id))!;
}

/** The agency's parked and unmatched change requests, for its clerks. */
export async function findUnlinkedChangeRequests(tx: TxPorts, actor: Actor, agencyId: string): Promise<ChangeRequestRecord[]> {
  const roles = rolesOrNotFound(actor, agencyId, 'Cơ quan');
  requirePermission(roles, 'incoming.register', 'Chỉ văn thư xem yêu cầu thay đổi chưa khớp văn bản.');
  return tx.changeRequests.listUnlinked(agencyId);
}
