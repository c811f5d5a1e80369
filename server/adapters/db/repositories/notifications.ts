import { sql, type Kysely } from 'kysely';
import type { NewNotification, NotificationRecord, NotificationRepository } from '../../../app/ports/incoming.ts';
import type { DB } from '../schema.ts';

export class PgNotificationRepository implements NotificationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async insert(n: NewNotification): Promise<void> {
    await this.db.insertInto('notifications').values({
      agency_id: n.agencyId, user_id: n.userId, kind: n.kind, title: n.title, body: n.body, incoming_id: n.incomingId, assignment_id: n.assignmentId, created_at: n.createdAt,
    }).execute();
  }

  async list(userId: string, limit: number): Promise<NotificationRecord[]> {
    const rows = await this.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('seq', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      id: r.id, seq: Number(r.seq), userId: r.user_id, kind: r.kind, title: r.title, body: r.body, incomingId: r.incoming_id, assignmentId: r.assignment_id,
      createdAt: new Date(r.created_at), readAt: r.read_at === null ? null : new Date(r.read_at),
    }));
  }

  async summary(userId: string): Promise<{ unread: number; latestSeq: number }> {
    const r = await sql<{ unread: string | number; latest: string | number | null }>`SELECT count(*) FILTER (WHERE read_at IS NULL) AS unread, max(seq) AS latest
      FROM notifications WHERE user_id = ${userId}`.execute(this.db);
    return { unread: Number(r.rows[0]?.unread ?? 0), latestSeq: Number(r.rows[0]?.latest ?? 0) };
  }

  async markRead(userId: string, ids: readonly string[] | 'all', at: Date): Promise<number> {
    let q = this.db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
    if (ids !== 'all') {
      if (ids.length === 0) return 0;
      q = q.where('id', 'in', [...ids]);
    }
    const r = await q.executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async claimReminder(r: { assignmentId: string; kind: 'before' | 'overdue'; deadline: string; emailTo: string | null; at: Date }): Promise<string | undefined> {
    const res = await sql<{ id: string }>`INSERT INTO reminders (assignment_id, kind, deadline, created_at, email_to)
      VALUES (${r.assignmentId}, ${r.kind}, ${r.deadline}, ${r.at}, ${r.emailTo}) ON CONFLICT (assignment_id, kind, deadline) DO NOTHING RETURNING id`.execute(this.db);
    return res.rows[0]?.id;
  }

  async claimUnsentEmail(at: Date): Promise<{ id: string; emailTo: string; assignmentId: string; kind: 'before' | 'overdue'; deadline: string } | undefined> {
    const res = await sql<{ id: string; email_to: string; assignment_id: string; kind: 'before' | 'overdue'; deadline: string }>`
      UPDATE reminders SET email_sent_at = ${at}
      WHERE id = (SELECT id FROM reminders WHERE email_to IS NOT NULL AND email_sent_at IS NULL ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id, email_to, assignment_id, kind, deadline`.execute(this.db);
    const row = res.rows[0];
    return row && { id: row.id, emailTo: row.email_to, assignmentId: row.assignment_id, kind: row.kind, deadline: row.deadline };
  }

  async recordEmailError(id: string, error: string): Promise<void> {
    await this.db.updateTable('reminders').set({ email_error: error.slice(0, 500) }).where('id', '=', id).execute();
  }

  async usersWithRole(agencyId: string, role: string, unitId?: string): Promise<{ id: string; email: string | null; fullName: string }[]> {
    let q = this.db.selectFrom('users as u').innerJoin('user_roles as r', 'r.user_id', 'u.id').select(['u.id', 'u.email', 'u.full_name'])
      .where('r.agency_id', '=', agencyId).where('r.role', '=', role as never).where('u.active', '=', true);
    if (unitId) q = q.where('u.unit_id', '=', unitId);
    const rows = await q.orderBy('u.username').execute();
    return [...new Map(rows.map((r) => [r.id, { id: r.id, email: r.email, fullName: r.full_name }])).values()];
  }

  async userContact(userId: string): Promise<{ id: string; email: string | null; fullName: string; agencyId: string; unitId: string | null } | undefined> {
    const r = await this.db.selectFrom('users').select(['id', 'email', 'full_name', 'agency_id', 'unit_id']).where('id', '=', userId).executeTakeFirst();
    return r && { id: r.id, email: r.email, fullName: r.full_name, agencyId: r.agency_id, unitId: r.unit_id };
  }
}
