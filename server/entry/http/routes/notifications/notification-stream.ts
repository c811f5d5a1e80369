/**
 * Live unread counts over server-sent events. The stream polls the database (one cheap summary
 * query every NOTIFICATION_POLL_MS), so a notification written by any app node reaches a browser
 * connected to any other; nothing rests on one process's memory.
 */
import { Type } from '@sinclair/typebox';
import { defineRoute } from '../../route.ts';

export const NOTIFICATION_POLL_MS = 2000;
const MAX_STREAM_MS = 10 * 60_000;

export const notificationStreamRoute = defineRoute({
  method: 'GET', url: '/api/notifications/stream', summary: 'Server-sent events: `unread` with the unread count and newest seq, sent at once and whenever they change', tags: ['notifications'],
  auth: { kind: 'session' },
  schema: { response: { 200: Type.String({ description: 'text/event-stream' }) } },
  handler: async ({ deps, actor, reply, req }) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    let last = '';
    let closed = false;
    const started = Date.now();
    const tick = async (): Promise<void> => {
      if (closed) return;
      try {
        const s = await deps.uow.run((tx) => tx.notifications.summary(actor.userId));
        const data = JSON.stringify(s);
        if (data !== last) {
          last = data;
          res.write(`event: unread\ndata: ${data}\n\n`);
        } else res.write(': ping\n\n');
      } catch {
        // A failed poll is retried on the next tick; the browser reconnects if the stream ends.
      }
      if (Date.now() - started > MAX_STREAM_MS) {
        closed = true;
        res.end();
        return;
      }
      timer = setTimeout(() => void tick(), NOTIFICATION_POLL_MS);
    };
    let timer: NodeJS.Timeout = setTimeout(() => void tick(), 0);
    req.raw.on('close', () => {
      closed = true;
      clearTimeout(timer);
    });
  },
});
