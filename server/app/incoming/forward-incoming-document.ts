/**
 * The clerk presents a registered document to a leader or deputy entitled to direct it (domain.md §8.2
 * step 4); while that person is away, whoever acts for them (a delegation in force) is notified as well.
 */
import type { Actor } from '../actor.ts';
import { vnDateTime } from '../delegations/acting-for.ts';
import { AppError, ErrorCode, notFound } from '../errors.ts';
import type { IncomingRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { IncomingTxDeps } from './incoming-deps.ts';
import { loadVisible, requirePermission, validationError } from './incoming-access.ts';
import { notifyUsers } from './notify.ts';
import { indexIncoming } from './search-entry.ts';

export async function forwardIncomingDocument(tx: TxPorts, deps: Pick<IncomingTxDeps, 'clock'>, actor: Actor, id: string, input: { leaderUserId: string }): Promise<IncomingRecord> {
  const { doc, roles } = await loadVisible(tx, actor, id, { lock: true });
  requirePermission(roles, 'incoming.present', 'Chỉ văn thư được trình văn bản đến.');
  if (doc.state !== 'registered' && doc.state !== 'awaiting_direction') throw new AppError(ErrorCode.INCOMING_STATE_INVALID, 'Chỉ trình được văn bản đã vào sổ, chưa phân công.');
  const leader = await tx.users.findById(input.leaderUserId);
  if (!leader || leader.agencyId !== doc.agencyId || !leader.active) throw notFound('Lãnh đạo');
  const grants = await tx.users.roles(leader.id);
  if (!grants.some((g) => g.agencyId === doc.agencyId && (g.role === 'leader' || g.role === 'deputy_leader'))) {
    throw validationError('Người được trình phải là lãnh đạo hoặc cấp phó của cơ quan.', 'leaderUserId');
  }
  const now = deps.clock.now();
  await tx.incoming.update(doc.id, { state: 'awaiting_direction', presentedTo: leader.id });
  await tx.incoming.insertEvent({ incomingId: doc.id, agencyId: doc.agencyId, assignmentId: null, kind: 'presented', actorUserId: actor.userId, onBehalfOf: null, text: leader.fullName, data: { to: leader.id }, occurredAt: now });
  await tx.audit.record({ type: 'incoming.presented', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'incoming_document', subjectId: doc.id, data: { to: leader.id } });
  await indexIncoming(tx, doc.id);
  await notifyUsers(tx, [leader.id], { agencyId: doc.agencyId, kind: 'incoming.presented', title: `Trình xin ý kiến chỉ đạo: ${doc.subject}`, incomingId: doc.id, at: now });
  // While the leader is away, the one acting for them is told too (domain.md §4.3: items arriving meanwhile go to the delegate).
  for (const d of await tx.delegations.listOverlapping(leader.id, now, new Date(now.getTime() + 1))) {
    await notifyUsers(tx, [d.delegateUserId], {
      agencyId: doc.agencyId, kind: 'incoming.presented', title: `Trình xin ý kiến chỉ đạo (thay mặt ${leader.fullName}, đến ${vnDateTime(d.endsAt)}): ${doc.subject}`, incomingId: doc.id, at: now,
    });
  }
  return { ...doc, state: 'awaiting_direction', presentedTo: leader.id };
}
