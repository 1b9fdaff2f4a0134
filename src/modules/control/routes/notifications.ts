// The signed-in staff member's own notifications: the list, the unread count (also as a live stream for the console's
// bell), and marking them read. Nobody sees anyone else's.
import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUTHENTICATED } from '../../../http/access';
import { named } from '../../../http/openapi';
import { one } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { SESSIONS_CHANNEL, type SessionChange } from '../../auth/session-cache';
import { listNotifications, markAllRead, markRead, STAFF_CHANNEL, unreadCount } from '../notifications';

const NotificationOut = named('StaffNotification', z.object({
  id: z.number(),
  kind: z.enum(['urge', 'due_soon', 'overdue', 'digest']),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  dossierCode: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  email: z.enum(['off', 'no_address', 'pending', 'sending', 'sent', 'failed']).describe('Bản sao e-mail: tắt, không có địa chỉ, đang chờ, đang gửi, đã gửi, lỗi'),
}));
const Unread = z.object({ unread: z.number() });
const HEARTBEAT_MS = 15_000;
/** How often an open stream checks that its session still lives (never extending it: only real requests do). */
const SESSION_CHECK_MS = 60_000;

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, clock } = app.deps;

  app.get('/notifications', {
    config: { access: AUTHENTICATED },
    schema: {
      tags: ['notifications'], summary: 'Thông báo của tôi (đôn đốc, sắp đến hạn, quá hạn, tổng hợp hằng ngày), mới nhất trước',
      querystring: z.object({
        unread: z.enum(['1', 'true']).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        offset: z.coerce.number().int().min(0).max(100_000).default(0),
      }),
      response: { 200: z.object({ items: z.array(NotificationOut), total: z.number(), unread: z.number() }) },
    },
  }, async (req) => {
    const r = await listNotifications(db, req.actor!.id, { unread: !!req.query.unread, limit: req.query.limit, offset: req.query.offset });
    return {
      items: r.rows.map((n) => ({
        id: Number(n.id), kind: n.kind, title: n.title, body: n.body, link: n.link, dossierCode: n.dossier_code,
        createdAt: n.created_at.toISOString(), readAt: n.read_at?.toISOString() ?? null, email: n.email_status as z.infer<typeof NotificationOut>['email'],
      })),
      total: r.total, unread: r.unread,
    };
  });

  app.get('/notifications/unread', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['notifications'], summary: 'Số thông báo chưa đọc của tôi', response: { 200: Unread } },
  }, async (req) => ({ unread: await unreadCount(db, req.actor!.id) }));

  app.post('/notifications/:id/read', {
    config: { access: AUTHENTICATED },
    schema: {
      tags: ['notifications'], summary: 'Đánh dấu đã đọc một thông báo của tôi',
      params: z.object({ id: z.coerce.number().int().positive('Mã thông báo không hợp lệ').max(Number.MAX_SAFE_INTEGER) }),
      response: { 200: z.object({ id: z.number(), readAt: z.string(), unread: z.number() }) },
    },
  }, async (req) => {
    const readAt = await markRead(db, req.actor!.id, req.params.id, clock.now());
    if (!readAt) throw notFound('thông báo');
    return { id: req.params.id, readAt: readAt.toISOString(), unread: await unreadCount(db, req.actor!.id) };
  });

  app.post('/notifications/read-all', {
    config: { access: AUTHENTICATED },
    schema: { tags: ['notifications'], summary: 'Đánh dấu đã đọc mọi thông báo của tôi', response: { 200: z.object({ updated: z.number(), unread: z.number() }) } },
  }, async (req) => ({ updated: await markAllRead(db, req.actor!.id, clock.now()), unread: 0 }));

  const open = new Set<ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
  });

  app.get('/notifications/stream', {
    config: { access: AUTHENTICATED },
    schema: {
      tags: ['notifications'], summary: 'Số thông báo chưa đọc của tôi, trực tiếp (text/event-stream)',
      description: 'Server-Sent Events: `event: unread` `{ unread }` ngay khi mở và mỗi khi số thông báo chưa đọc thay đổi (ở bất kỳ máy chủ nào); '
        + 'luồng đóng khi phiên đăng nhập kết thúc (đăng xuất, hết hạn, tài khoản bị khóa).',
      response: { 200: { description: 'Server-Sent Events', content: { 'text/event-stream': { schema: Unread } } } },
    },
  }, async (req, reply) => {
    const actor = req.actor!;
    const res = reply.raw;
    reply.hijack();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive',
      'x-accel-buffering': 'no', 'x-content-type-options': 'nosniff',
    });
    let closed = false;
    const unsubs: (() => void)[] = [];
    const end = () => {
      if (!closed) res.end();
    };
    let beats = 0;
    const heartbeat = setInterval(() => {
      res.write(': heartbeat\n\n');
      if (++beats % (SESSION_CHECK_MS / HEARTBEAT_MS) === 0) void sessionAlive().then((alive) => !alive && end());
    }, HEARTBEAT_MS);
    const cleanup = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      for (const u of unsubs) u();
      open.delete(res);
    };
    res.on('close', cleanup);
    res.on('error', cleanup);
    open.add(res);
    const idleMs = app.deps.config.sessionIdleMinutes * 60_000;
    // Read without touching: an open console tab must not keep a session alive.
    async function sessionAlive(): Promise<boolean> {
      const s = await one<{ ok: boolean }>(db, `SELECT s.expires_at > $2 AND s.last_seen_at > $3 AND u.active AS ok FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
        [actor.sessionId, clock.now(), new Date(clock.now().getTime() - idleMs)]).catch(() => ({ ok: true }));
      return !!s?.ok;
    }
    const send = async () => {
      try {
        if (!closed) res.write(`event: unread\ndata: ${JSON.stringify({ unread: await unreadCount(db, actor.id) })}\n\n`);
      } catch (err) {
        req.log.warn({ err }, 'unread count failed');
      }
    };
    // Subscribe before the first count, so nothing committed in between is missed.
    unsubs.push(await app.realtime.subscribe(STAFF_CHANNEL, (p) => {
      if ((p as { users?: unknown }).users instanceof Array && (p as { users: string[] }).users.includes(actor.id)) void send();
    }, () => void send()));
    unsubs.push(await app.realtime.subscribe(SESSIONS_CHANNEL, (c) => {
      const change = c as SessionChange;
      if (('sessionId' in change && change.sessionId === actor.sessionId) || ('userId' in change && change.userId === actor.id)) end();
    }));
    if (closed) for (const u of unsubs) u();
    res.write('retry: 5000\n\n');
    await send();
  });
};
