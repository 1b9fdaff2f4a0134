import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC } from '../../../http/access';
import { limitOf } from '../../../http/rate-limits';
import { many, one } from '../../../platform/db';
import { notFound } from '../../../platform/errors';
import { publicOpeningAt, vnDayString } from '../../calendar/domain';
import { presentSession } from '../../calendar/schemas';
import { findCenter } from '../../centers/repo';
import { boardSnapshot, countersWithTickets } from '../board';
import { issueTicket, positionOf, servingCounters } from '../commands/issue';
import { kioskOf } from '../kiosk-devices';
import { counterStates, presentTicket, priorityCategories, ticketById } from '../repo';
import { smsOffer } from '../../notifications/settings';
import { BoardOut, CenterParam, CounterOut, FollowOut, IdParams, IssueBody, IssueOut, KioskOut } from '../schema';

// Public side of the queue: the kiosk, the phone follow page, the counters list and the display board.
export const kioskRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/queue/kiosk', {
    config: { access: PUBLIC },
    schema: {
      tags: ['queue'],
      summary: 'Màn hình lấy số: các lĩnh vực, nhóm dịch vụ và đối tượng ưu tiên của Trung tâm',
      querystring: z.object({ center: CenterParam }),
      response: { 200: KioskOut },
    },
  }, async (req) => {
    const { db, clock } = app.deps;
    const center = await findCenter(db, req.query.center);
    const now = clock.now();
    const day = vnDayString(now);
    const opening = publicOpeningAt((await app.deps.calendars.forCenter(center.id)).calendar, now);
    const states = await counterStates(db, center.id, day);
    const fieldRows = await many<{ code: string; name: string; waiting: number }>(db,
      `SELECT f.code, f.name, (SELECT count(*)::int FROM queue_tickets t WHERE t.center_id = $1 AND t.day = $2 AND t.status = 'waiting' AND t.field_code = f.code) AS waiting
         FROM fields f WHERE f.code IN (SELECT unnest(field_codes) FROM counters WHERE center_id = $1 AND active) ORDER BY f.no`, [center.id, day]);
    const groups = await many<{ id: string; code: string; name: string; field_codes: string[]; waiting: number }>(db,
      `SELECT g.id, g.code, g.name, g.field_codes, (SELECT count(*)::int FROM queue_tickets t WHERE t.group_id = g.id AND t.field_code IS NULL AND t.day = $2 AND t.status = 'waiting') AS waiting
         FROM queue_service_groups g WHERE g.center_id = $1 AND g.active ORDER BY g.code`, [center.id, day]);
    const queue = (kind: 'field' | 'group', code: string, name: string, fields: string[], waiting: number) => {
      const counters = servingCounters(states, fields).map((c) => c.number);
      return { code, name, kind, fields, counters, waiting, available: counters.length > 0 };
    };
    return {
      center: { id: center.id, code: center.code, name: center.name },
      queues: [...groups.map((g) => queue('group', g.code, g.name, g.field_codes, g.waiting)), ...fieldRows.map((f) => queue('field', f.code, f.name, [f.code], f.waiting))],
      priorities: await priorityCategories(db, center.id),
      open: opening.open,
      closesAt: opening.current ? opening.current.to.toISOString() : null,
      next: opening.next && presentSession(opening.next),
      notifyByPhone: (await smsOffer(db, app.deps.config, center.id)).queue,
    };
  });

  app.post('/queue/tickets', {
    // A paired kiosk (x-kiosk-key) is exempt from the per-address limit: the center's kiosks share one address.
    config: { access: PUBLIC, rateLimit: limitOf(app.deps.config, 'publicPost', { allowList: async (req) => (await kioskOf(app.deps.db, req)) !== null }) },
    schema: {
      tags: ['queue'],
      summary: 'Lấy số thứ tự (kiosk, không cần đăng nhập)',
      description: '`center`: mã hoặc id Trung tâm; `field`: mã lĩnh vực hoặc mã nhóm dịch vụ; `priority`: mã đối tượng ưu tiên (GET /queue/kiosk). 409 khi không có quầy nào phục vụ lĩnh vực, và ngoài giờ tiếp công dân theo lịch của Trung tâm (QUEUE_CENTER_CLOSED, kèm giờ mở cửa lại).',
      body: IssueBody,
      response: { 201: IssueOut },
    },
  }, async (req, reply) => {
    const ticket = await issueTicket(app.deps.db, app.deps.clock, app.deps.calendars, req.body, app.deps.config);
    // An absolute link when the public address is known: the phone scanning the slip is not on the kiosk's network.
    const base = app.deps.config.publicUrl;
    return reply.code(201).send(base ? { ...ticket, followUrl: `${base}${ticket.followUrl}` } : ticket);
  });

  app.get('/queue/tickets/:id', {
    config: { access: PUBLIC },
    schema: { tags: ['queue'], summary: 'Theo dõi số thứ tự trên điện thoại: vị trí, thời gian chờ dự kiến, quầy được mời đến', params: IdParams, response: { 200: FollowOut } },
  }, async (req) => {
    const { db } = app.deps;
    const t = await ticketById(db, req.params.id);
    if (!t) throw notFound('số thứ tự');
    const pos = await positionOf(db, t);
    const center = await one<{ name: string }>(db, 'SELECT name FROM centers WHERE id = $1', [t.center_id]);
    return { ...presentTicket(t), ...pos, centerName: center!.name };
  });

  app.get('/queue/counters', {
    config: { access: PUBLIC },
    schema: {
      tags: ['queue'],
      summary: 'Các quầy của Trung tâm: lĩnh vực phục vụ, trạng thái, cán bộ đang ngồi quầy và số đang phục vụ',
      querystring: z.object({ center: CenterParam }),
      response: { 200: z.object({ items: z.array(CounterOut) }) },
    },
  }, async (req) => {
    const { db, clock } = app.deps;
    const center = await findCenter(db, req.query.center);
    return { items: await countersWithTickets(db, center.id, vnDayString(clock.now())) };
  });

  app.get('/queue/board', {
    config: { access: PUBLIC },
    schema: {
      tags: ['queue'],
      summary: 'Bảng hiển thị: số đang phục vụ tại từng quầy, số chờ theo lĩnh vực, các số vừa gọi, hồ sơ có kết quả, số liệu trong ngày',
      querystring: z.object({ center: CenterParam }),
      response: { 200: BoardOut },
    },
  }, async (req) => {
    const { db, clock } = app.deps;
    const center = await findCenter(db, req.query.center);
    const now = clock.now();
    return boardSnapshot(db, center, now, vnDayString(now));
  });
};
