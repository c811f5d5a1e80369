import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { SmtpMailer } from '../../server/adapters/mail/smtp-mailer.ts';
import { sendReminders } from '../../server/app/incoming/send-reminders.ts';
import { incomingJobs } from '../../server/entry/incoming/incoming-jobs.ts';
import { describeEachEngine } from './harness.ts';
import { arriveFromStc, pinFakeSigning, ensureUser, FakeSigning, incomingDeps, userIdOf } from './incoming-helpers.ts';
import { SmtpCatcher } from './smtp-catcher.ts';

describeEachEngine('incoming documents: deadlines, reminders by e-mail, escalation, my work, live notifications', { seed: true }, (env) => {
  const catcher = new SmtpCatcher();
  beforeEach(() => pinFakeSigning(env(), new FakeSigning()));
  beforeAll(async () => {
    await catcher.start();
  });
  afterAll(async () => {
    await catcher.stop();
  });

  it('past the deadline the item is overdue in the assignee’s and the leader’s lists, and exactly one reminder e-mail reaches the catcher however often the job polls', async () => {
    const e = env();
    e.clock.set('2026-03-02T02:00:00Z');
    const mailer = new SmtpMailer({ host: '127.0.0.1', port: catcher.port, secure: false, user: undefined, password: undefined, from: 'lienthong@baclieu.gov.vn' });
    const deps = incomingDeps(e, new FakeSigning(), { mailer });
    await ensureUser(e, 'chuyenvien.mail', ['specialist'], { unit: 'Phòng Công chức, viên chức', email: 'chuyen.mail@snv.baclieu.gov.vn' });
    const a = await arriveFromStc(e, deps, { number: '51' });
    const [clerk, leader] = [await e.login('vanthu.snv'), await e.login('giamdoc.snv')];
    await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/register`, payload: {} });
    const assignee = await userIdOf(e, 'chuyenvien.mail');
    const d = await e.request(leader, { method: 'POST', url: `/api/incoming/${a.id}/direct`, payload: { instruction: 'Báo cáo gấp', lead: { userId: assignee }, deadline: '2026-03-04' } });
    expect(d.statusCode, d.body).toBe(200);
    const specialist = await e.login('chuyenvien.mail');
    let work = (await e.request(specialist, { method: 'GET', url: '/api/my-work' })).json() as { items: { document: { id: string }; overdue: boolean; followUp: boolean }[] };
    expect(work.items.find((i) => i.document.id === a.id)).toMatchObject({ overdue: false, followUp: false });

    // Thursday 5 March, 09:00 in Vietnam: the deadline (end of 4 March) has passed.
    e.clock.set('2026-03-05T02:00:00Z');
    const job = incomingJobs(deps, { reminderIntervalMs: 0 });
    for (let i = 0; i < 4; i++) await job();
    await sendReminders(deps);
    const mine = catcher.messages.filter((m) => m.to.includes('chuyen.mail@snv.baclieu.gov.vn'));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.data).toContain('Subject: =?UTF-8?');
    // Sessions end after a day without use: sign in again on the later day.
    const [specialist2, leader2] = [await e.login('chuyenvien.mail'), await e.login('giamdoc.snv')];
    work = (await e.request(specialist2, { method: 'GET', url: '/api/my-work' })).json() as typeof work;
    expect(work.items.find((i) => i.document.id === a.id)).toMatchObject({ overdue: true, followUp: false });
    const leaderWork = (await e.request(leader2, { method: 'GET', url: '/api/my-work' })).json() as typeof work;
    expect(leaderWork.items.find((i) => i.document.id === a.id)).toMatchObject({ overdue: true, followUp: true });
    const notes = (await e.request(leader2, { method: 'GET', url: '/api/notifications' })).json() as { unread: number; items: { kind: string; incomingId: string }[] };
    expect(notes.items.filter((n) => n.kind === 'reminder.escalated' && n.incomingId === a.id)).toHaveLength(1);
    const sNotes = (await e.request(specialist2, { method: 'GET', url: '/api/notifications' })).json() as typeof notes;
    expect(sNotes.items.filter((n) => n.kind === 'reminder.overdue' && n.incomingId === a.id)).toHaveLength(1);
    const rows = await e.database.db.selectFrom('reminders').selectAll().execute();
    expect(rows.filter((r) => r.kind === 'overdue')).toHaveLength(1);
  });

  it('a reminder goes once before the deadline; the my-work list is sorted by deadline', async () => {
    const e = env();
    e.clock.set('2026-03-09T02:00:00Z'); // Monday
    const deps = incomingDeps(e, new FakeSigning());
    const [clerk, leader] = [await e.login('vanthu.snv'), await e.login('giamdoc.snv')];
    const spec = await userIdOf(e, 'chuyenvien.snv');
    const ids: string[] = [];
    for (const [n, deadline] of [['61', '2026-03-20'], ['62', '2026-03-10'], ['63', '2026-03-13']] as const) {
      const a = await arriveFromStc(e, deps, { number: n });
      await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/register`, payload: {} });
      await e.request(leader, { method: 'POST', url: `/api/incoming/${a.id}/direct`, payload: { instruction: 'Xử lý', lead: { userId: spec }, deadline } });
      ids.push(a.id);
    }
    await sendReminders(deps);
    await sendReminders(deps);
    const before = await e.database.db.selectFrom('reminders as r').innerJoin('assignments as a', 'a.id', 'r.assignment_id').select(['a.incoming_id', 'r.kind']).where('a.incoming_id', 'in', ids).execute();
    expect(before).toEqual([{ incoming_id: ids[1], kind: 'before' }]);
    const specialist = await e.login('chuyenvien.snv');
    const work = (await e.request(specialist, { method: 'GET', url: '/api/my-work' })).json() as { items: { document: { id: string }; assignment: { deadline: string } }[] };
    const deadlines = work.items.filter((i) => ids.includes(i.document.id)).map((i) => i.assignment.deadline);
    expect(deadlines).toEqual(['2026-03-10', '2026-03-13', '2026-03-20']);
  });

  it('the operator’s holidays count: the default deadline skips 30/4–1/5, the “day before” reminder goes on the last working day before them, overdue days are working days', async () => {
    const e = env();
    e.clock.set('2026-04-28T02:00:00Z'); // Tuesday; Thursday 30/4 and Friday 1/5 are days off (seeded calendar)
    const deps = incomingDeps(e, new FakeSigning());
    const [clerk, leader] = [await e.login('vanthu.snv'), await e.login('giamdoc.snv')];
    const spec = await userIdOf(e, 'chuyenvien.snv');
    const direct = async (n: string, deadline?: string) => {
      const a = await arriveFromStc(e, deps, { number: n, dueDate: '2026/06/30' });
      await e.request(clerk, { method: 'POST', url: `/api/incoming/${a.id}/register`, payload: {} });
      const d = await e.request(leader, { method: 'POST', url: `/api/incoming/${a.id}/direct`, payload: { instruction: 'Xử lý', lead: { userId: spec }, ...(deadline && { deadline }) } });
      expect(d.statusCode, d.body).toBe(200);
      return a.id;
    };
    const byDefault = await direct('71');
    const lead = await e.database.db.selectFrom('assignments').select('deadline').where('incoming_id', '=', byDefault).where('kind', '=', 'lead').executeTakeFirstOrThrow();
    // 10 working days from Tuesday 28/4 without 30/4 and 1/5 (weekends only would give 12/5).
    expect(lead.deadline).toBe('2026-05-14');
    const afterHolidays = await direct('72', '2026-05-04');
    const remindersOf = (id: string) => e.database.db.selectFrom('reminders as r').innerJoin('assignments as a', 'a.id', 'r.assignment_id').select('r.kind').where('a.incoming_id', '=', id).execute();

    await sendReminders(deps);
    expect(await remindersOf(afterHolidays)).toEqual([]);
    e.clock.set('2026-04-29T02:00:00Z'); // Wednesday: the last working day before Monday 4/5
    await sendReminders(deps);
    await sendReminders(deps);
    expect(await remindersOf(afterHolidays)).toEqual([{ kind: 'before' }]);

    e.clock.set('2026-05-06T02:00:00Z'); // Wednesday: two working days (5/5, 6/5) past the deadline
    await sendReminders(deps);
    await sendReminders(deps);
    expect((await remindersOf(afterHolidays)).map((r) => r.kind).sort()).toEqual(['before', 'overdue']);
    const work = (await e.request(await e.login('chuyenvien.snv'), { method: 'GET', url: '/api/my-work' })).json() as { items: { document: { id: string }; overdue: boolean; overdueWorkingDays: number }[] };
    expect(work.items.find((i) => i.document.id === afterHolidays)).toMatchObject({ overdue: true, overdueWorkingDays: 2 });
    expect(work.items.find((i) => i.document.id === byDefault)).toMatchObject({ overdue: false, overdueWorkingDays: 0 });
  });

  it('the notification stream sends the unread count at once and again when a notification is written (by any node: it polls the database)', async () => {
    const e = env();
    const specialist = await e.login('chuyenvien.snv');
    await e.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (e.app.server.address() as AddressInfo).port;
    const events: { unread: number }[] = [];
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/notifications/stream', headers: { cookie: specialist.cookie } });
    const got = new Promise<void>((resolve, reject) => {
      req.on('response', (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          buf += chunk;
          for (const m of buf.matchAll(/event: unread\ndata: (\{[^\n]*\})\n\n/g)) events.push(JSON.parse(m[1]!) as { unread: number });
          buf = buf.replace(/event: unread\ndata: \{[^\n]*\}\n\n/g, '');
          if (events.length === 1) {
            void e.database.db.insertInto('notifications').values({ agency_id: specialist.agencyId, user_id: specialist.userId, kind: 'test', title: 'Thông báo thử', created_at: new Date() }).execute();
          }
          if (events.length >= 2) resolve();
        });
      });
      req.on('error', reject);
    });
    req.end();
    await got;
    req.destroy();
    expect(events[1]!.unread).toBe(events[0]!.unread + 1);
    const read = await e.request(specialist, { method: 'POST', url: '/api/notifications/read', payload: { all: true } });
    expect(read.statusCode).toBe(200);
    expect(((await e.request(specialist, { method: 'GET', url: '/api/notifications' })).json() as { unread: number }).unread).toBe(0);
  });
});
