import { localDateOf, localMinuteOfDay } from '../../domain/calendar/vietnam-time.ts';
import type { Actor } from '../actor.ts';
import { notFound } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { OutgoingRecipientRecord } from '../ports/outgoing.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import { assertCan, loadVisible, stateError } from './outgoing-access.ts';
import { documentKeyOf } from './outgoing-facts.ts';

/** "09:05 ngày 02/03/2026", Vietnam time. */
function time(d: Date): string {
  const minute = localMinuteOfDay(d);
  const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  return `${hhmm} ngày ${localDateOf(d).split('-').reverse().join('/')}`;
}

/**
 * "Đã gửi bản giấy" (domain.md §7.2 step 11, Decree 30 Art. 18.5): after issue the clerk prints, seals
 * and posts the master copy to a paper recipient and records it here, once. The time is kept on the
 * recipient (shown in tracking), with the audit event and the supervision fact `outgoing.paper_sent`
 * (server/app/reports/README.md; the §15 figures count each recipient once, paper here).
 */
export async function recordPaperSent(tx: TxPorts, deps: { clock: Clock }, actor: Actor, id: string, recipientId: string): Promise<OutgoingRecipientRecord> {
  const doc = await loadVisible(tx, actor, id, { lock: true });
  assertCan(actor, doc.agencyId, 'document.send', 'Chỉ văn thư ghi nhận việc gửi bản giấy.');
  const recipient = (await tx.outgoing.listRecipients(doc.id)).find((r) => r.id === recipientId);
  if (!recipient) throw notFound('Nơi nhận');
  if (recipient.kind !== 'paper') throw stateError('Nơi nhận này nhận văn bản điện tử, không gửi bản giấy.');
  if (doc.state !== 'issued' && doc.state !== 'updated') throw stateError(doc.state === 'recalled' ? 'Văn bản đã bị thu hồi.' : 'Chỉ gửi bản giấy sau khi văn bản đã phát hành.');
  if (recipient.paperSentAt) throw stateError(`Đã ghi nhận gửi bản giấy đến "${recipient.name}" lúc ${time(recipient.paperSentAt)}.`);
  const now = deps.clock.now();
  await tx.outgoing.updateRecipient(recipient.id, { paperSentAt: now });
  await tx.supervisionFacts.record({ kind: 'outgoing.paper_sent', agencyId: doc.agencyId, documentKey: await documentKeyOf(tx, doc), occurredAt: now, data: { receiverKey: recipient.name } });
  await tx.audit.record({
    type: 'outgoing.paper_sent', actorUserId: actor.userId, actorAgencyId: actor.agencyId, agencyId: doc.agencyId, subjectType: 'outgoing_document', subjectId: doc.id,
    data: { recipientId: recipient.id, name: recipient.name, address: recipient.address },
  });
  return { ...recipient, paperSentAt: now };
}
