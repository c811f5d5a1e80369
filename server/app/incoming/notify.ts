/** In-app notifications written with the change that causes them (same transaction). */
import type { TxPorts } from '../ports/unit-of-work.ts';

export interface NotifyInput {
  agencyId: string;
  kind: string;
  title: string;
  body?: string;
  incomingId?: string | null;
  assignmentId?: string | null;
  at: Date;
}

export async function notifyUsers(tx: TxPorts, userIds: readonly string[], n: NotifyInput): Promise<void> {
  for (const userId of new Set(userIds)) {
    await tx.notifications.insert({
      agencyId: n.agencyId, userId, kind: n.kind, title: n.title, body: n.body ?? '', incomingId: n.incomingId ?? null, assignmentId: n.assignmentId ?? null, createdAt: n.at,
    });
  }
}

/** The people behind an assignee: the person, or the heads of the unit. */
export async function peopleOf(tx: TxPorts, agencyId: string, assignee: { assigneeUserId: string | null; assigneeUnitId: string | null }): Promise<string[]> {
  if (assignee.assigneeUserId) return [assignee.assigneeUserId];
  if (!assignee.assigneeUnitId) return [];
  return (await tx.notifications.usersWithRole(agencyId, 'head_of_unit', assignee.assigneeUnitId)).map((u) => u.id);
}
