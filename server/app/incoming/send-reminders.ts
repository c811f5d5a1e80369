/**
 * Deadline reminders (domain.md §8.6), run by the worker. For each open assignment with a deadline:
 * one reminder from the working day before its deadline (days off of the operator's calendar skipped), one once it has passed; each is taken
 * once per (assignment, kind, deadline) by a unique row, so however often the job polls — on however
 * many nodes — it is notified and mailed once. Overdue items escalate to whoever assigned them.
 * A unit's assignment already passed to a person is reminded through that person's.
 *
 * E-mail goes after the commit: a reminder row is claimed (marked sent) before the message is handed
 * to SMTP; a failure clears the mark with the error, so the next run tries again.
 */
import { localDateOf } from '../../domain/calendar/vietnam-time.ts';
import { combineCalendars, nextWorkingDay } from '../../domain/calendar/working-calendar.ts';
import type { AssignmentRecord } from '../ports/incoming.ts';
import type { TxPorts } from '../ports/unit-of-work.ts';
import type { IncomingDeps } from './incoming-deps.ts';
import { notifyUsers, peopleOf } from './notify.ts';

export interface ReminderRun {
  reminded: number;
  emailed: number;
  emailFailures: number;
}

export async function sendReminders(deps: Pick<IncomingDeps, 'uow' | 'clock' | 'calendar' | 'mailer'>): Promise<ReminderRun> {
  const now = deps.clock.now();
  const today = localDateOf(now);
  // "The working day before": the operator's days off count (a deadline after a holiday is reminded before it).
  const due = await deps.uow.run(async (tx) => tx.assignments.listOpenDueBy(nextWorkingDay(combineCalendars(deps.calendar, await tx.workCalendar.load()), today)));
  let reminded = 0;
  for (const a of due) {
    const kind = a.deadline! < today ? 'overdue' : 'before';
    if (await deps.uow.run((tx) => remindOne(tx, deps, a, kind, now))) reminded++;
  }
  let emailed = 0;
  let emailFailures = 0;
  if (deps.mailer) {
    for (let i = 0; i < 200; i++) {
      const claimed = await deps.uow.run((tx) => tx.notifications.claimUnsentEmail(now));
      if (!claimed) break;
      const detail = await deps.uow.run(async (tx) => {
        const a = await tx.assignments.findById(claimed.assignmentId);
        return a && { a, doc: await tx.incoming.findById(a.incomingId) };
      });
      const subject = detail?.doc?.subject ?? '';
      try {
        await deps.mailer.send({
          to: claimed.emailTo,
          subject: claimed.kind === 'overdue' ? `[Quá hạn] ${subject}` : `[Sắp đến hạn] ${subject}`,
          text: `${claimed.kind === 'overdue' ? 'Văn bản đã quá hạn xử lý' : 'Văn bản sắp đến hạn xử lý'} (hạn ${claimed.deadline}).\n\nTrích yếu: ${subject}\nCơ quan gửi: ${detail?.doc?.senderName ?? ''}\n\nVui lòng đăng nhập hệ thống lienthong để xử lý.`,
        });
        emailed++;
      } catch (e) {
        emailFailures++;
        await deps.uow.run((tx) => tx.notifications.recordEmailError(claimed.id, e instanceof Error ? e.message : String(e)));
      }
    }
  }
  return { reminded, emailed, emailFailures };
}

async function remindOne(tx: TxPorts, deps: Pick<IncomingDeps, 'mailer'>, a: AssignmentRecord, kind: 'before' | 'overdue', now: Date): Promise<boolean> {
  const current = await tx.assignments.findById(a.id);
  if (!current || (current.state !== 'pending' && current.state !== 'in_progress') || current.deadline !== a.deadline) return false;
  if (a.assigneeUnitId) {
    const children = (await tx.assignments.listForDocument(a.incomingId)).filter((c) => c.parentId === a.id && (c.state === 'pending' || c.state === 'in_progress'));
    if (children.length > 0) return false;
  }
  const people = await peopleOf(tx, a.agencyId, a);
  let emailTo: string | null = null;
  if (deps.mailer) {
    for (const p of people) {
      const c = await tx.notifications.userContact(p);
      if (c?.email) {
        emailTo = c.email;
        break;
      }
    }
  }
  const id = await tx.notifications.claimReminder({ assignmentId: a.id, kind, deadline: a.deadline!, emailTo, at: now });
  if (!id) return false;
  const doc = await tx.incoming.findById(a.incomingId);
  const subject = doc?.subject ?? '';
  await notifyUsers(tx, people, {
    agencyId: a.agencyId, kind: `reminder.${kind}`, title: `${kind === 'overdue' ? 'Quá hạn xử lý' : 'Sắp đến hạn xử lý'} (${a.deadline}): ${subject}`,
    incomingId: a.incomingId, assignmentId: a.id, at: now,
  });
  if (kind === 'overdue' && !people.includes(a.assignedBy)) {
    await notifyUsers(tx, [a.assignedBy], {
      agencyId: a.agencyId, kind: 'reminder.escalated', title: `Việc đã giao bị quá hạn (${a.deadline}): ${subject}`, incomingId: a.incomingId, assignmentId: a.id, at: now,
    });
  }
  await tx.audit.record({ type: 'assignment.reminded', actorUserId: null, actorAgencyId: null, agencyId: a.agencyId, subjectType: 'assignment', subjectId: a.id, data: { kind, deadline: a.deadline, emailed: emailTo !== null } });
  return true;
}
