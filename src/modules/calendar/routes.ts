import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyPerm, perm, PUBLIC } from '../../http/access';
import { audit } from '../../platform/audit';
import { many, one, withTx } from '../../platform/db';
import { AppError, badRequest, notFound } from '../../platform/errors';
import { scopedCenter } from '../auth/actor';
import { CalendarRuleError, computeDueDate, DEFAULT_CALENDAR_CONFIG, publicOpeningAt, receiptOf, resolveConfig, returnWindow, type TimeRange } from './domain';
import { presentSession, PublicSessionOut } from './schemas';
import { findCenter } from '../centers/repo';
import { parseInstant } from './service';
import { isoDay } from '../../http/inputs';

const CenterRef = z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable();
const Day = isoDay();

const DueQuery = z.object({
  receivedAt: z.string({ error: 'Thiếu thời điểm tiếp nhận (receivedAt)' }).max(40),
  unit: z.enum(['working_days', 'working_hours', 'same_day'], { error: 'Đơn vị thời hạn phải là working_days, working_hours hoặc same_day' }),
  value: z.coerce.number({ error: 'Thời hạn phải là số' }).int('Thời hạn phải là số nguyên').positive('Thời hạn phải lớn hơn 0').max(10_000).default(1),
  cutoff: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ chốt phải có dạng HH:MM').optional(),
  center: z.string().max(60).optional(),
});

const toAppError = (e: unknown) => (e instanceof CalendarRuleError ? new AppError(400, `CALENDAR_${e.code}`, e.message) : e);

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM, ví dụ 07:30');
const Ranges = z.array(z.object({ start: HHMM, end: HHMM })).min(1, 'Nhập ít nhất một khoảng giờ').max(4, 'Nhiều nhất 4 khoảng giờ');
const HoursOut = z.object({
  center: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  officeHours: z.array(z.object({ start: z.string(), end: z.string() })), publicHours: z.array(z.object({ start: z.string(), end: z.string() })),
  own: z.boolean().describe('Trung tâm đã đặt giờ riêng (false: theo giờ mặc định của tỉnh)'),
});
// The center's leaders (fees.manage: the center's own setup) or the system administrator naming the center.
const HOURS_ACCESS = anyPerm('centers.manage', 'fees.manage');
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const within = (r: TimeRange, list: TimeRange[]) => list.some((o) => minutes(o.start) <= minutes(r.start) && minutes(r.end) <= minutes(o.end));

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const hoursCenter = async (actor: Parameters<typeof scopedCenter>[0], requested?: string) => {
    const c = requested ? await findCenter(app.deps.db, requested) : null;
    const id = scopedCenter(actor, c?.id ?? null);
    if (!id) throw badRequest('CALENDAR_CENTER_REQUIRED', 'Chọn Trung tâm (tham số center) để xem, đặt giờ làm việc.');
    return c ?? findCenter(app.deps.db, id);
  };
  const presentHours = (c: { id: string; code: string; name: string; settings: { officeHours?: TimeRange[]; publicHours?: TimeRange[] } | null }) => ({
    center: { id: c.id, code: c.code, name: c.name },
    officeHours: c.settings?.officeHours?.length ? c.settings.officeHours : DEFAULT_CALENDAR_CONFIG.officeHours.map((r) => ({ ...r })),
    publicHours: c.settings?.publicHours?.length ? c.settings.publicHours : DEFAULT_CALENDAR_CONFIG.publicHours.map((r) => ({ ...r })),
    own: !!(c.settings?.officeHours?.length || c.settings?.publicHours?.length),
  });

  app.get('/calendar/hours', {
    config: { access: HOURS_ACCESS },
    schema: {
      tags: ['calendar'], summary: 'Giờ làm việc và giờ tiếp công dân của Trung tâm (kiosk, giấy hẹn, cảnh báo tiếp nhận ngoài giờ dùng các giờ này)',
      querystring: z.object({ center: z.string().max(60).optional() }), response: { 200: HoursOut },
    },
  }, async (req) => presentHours(await hoursCenter(req.actor!, req.query.center)));

  app.put('/calendar/hours', {
    config: { access: HOURS_ACCESS },
    schema: {
      tags: ['calendar'], summary: 'Đặt giờ làm việc và giờ tiếp công dân của Trung tâm (giờ tiếp công dân nằm trong giờ làm việc; có ghi nhật ký)',
      body: z.object({ center: z.string().max(60).optional(), officeHours: Ranges, publicHours: Ranges }), response: { 200: HoursOut },
    },
  }, async (req) => {
    const c = await hoursCenter(req.actor!, req.body.center);
    const { officeHours, publicHours } = req.body;
    try {
      resolveConfig({ officeHours, publicHours });
    } catch (e) {
      throw toAppError(e);
    }
    const outside = publicHours.find((r) => !within(r, officeHours));
    if (outside) throw badRequest('CALENDAR_PUBLIC_OUTSIDE_OFFICE', `Giờ tiếp công dân ${outside.start}–${outside.end} phải nằm trong giờ làm việc.`);
    const now = app.deps.clock.now();
    const row = await withTx(app.deps.db, async (tx) => {
      const r = await one<{ id: string; code: string; name: string; settings: { officeHours?: TimeRange[]; publicHours?: TimeRange[] } | null }>(tx,
        `UPDATE centers SET settings = coalesce(settings, '{}'::jsonb) || jsonb_build_object('officeHours', $2::jsonb, 'publicHours', $3::jsonb)
          WHERE id = $1 RETURNING id, code, name, settings`, [c.id, JSON.stringify(officeHours), JSON.stringify(publicHours)]);
      await audit(tx, { actorId: req.actor!.id, centerId: c.id, action: 'center.hours.update', entity: 'center', entityId: c.id,
        data: { before: presentHours(c), officeHours, publicHours } }, now);
      return r!;
    });
    return presentHours(row);
  });

  app.get('/calendar/due-date', {
    config: { access: PUBLIC },
    schema: {
      tags: ['calendar'],
      summary: 'Tính ngày hẹn trả kết quả theo thời hạn giải quyết',
      querystring: DueQuery,
      response: {
        200: z.object({
          dueAt: z.string().describe('Hạn giải quyết theo quy định (hết giờ làm việc của ngày hẹn)'), receiptDay: z.string(), effectiveReceivedAt: z.string(), moved: z.boolean(),
          returnWindow: PublicSessionOut.describe('Thời gian hẹn trả kết quả trong giờ tiếp công dân (in trên giấy hẹn)'),
          unit: z.string(), value: z.number(), center: CenterRef,
        }),
      },
    },
  }, async (req) => {
    const q = req.query;
    const receivedAt = parseInstant(q.receivedAt);
    const { calendar, center } = await app.deps.calendars.forCenter(q.center);
    try {
      const r = computeDueDate(calendar, receivedAt, { unit: q.unit, value: q.value, ...(q.cutoff ? { cutoff: q.cutoff } : {}) });
      return {
        dueAt: r.dueAt.toISOString(), receiptDay: r.receiptDay, effectiveReceivedAt: r.effectiveReceivedAt.toISOString(), moved: r.moved,
        returnWindow: presentSession(returnWindow(calendar, r.dueAt)), unit: q.unit, value: q.value, center,
      };
    } catch (e) {
      throw toAppError(e);
    }
  });

  app.get('/calendar/opening', {
    config: { access: PUBLIC },
    schema: {
      tags: ['calendar'],
      summary: 'Trung tâm đang mở cửa hay không: giờ tiếp công dân hiện tại và lần mở cửa tiếp theo; giờ hành chính (tiếp nhận hồ sơ)',
      querystring: z.object({ center: z.string({ error: 'Thiếu Trung tâm (center)' }).trim().min(1, 'Thiếu Trung tâm (center)').max(60) }),
      response: {
        200: z.object({
          at: z.string(), center: CenterRef,
          open: z.boolean().describe('Đang trong giờ tiếp công dân'), current: PublicSessionOut.nullable(), next: PublicSessionOut.nullable(),
          office: z.object({
            open: z.boolean().describe('Đang trong giờ hành chính: hồ sơ tiếp nhận bây giờ được tính ngay'),
            receiptAt: z.string().describe('Thời điểm được tính là tiếp nhận nếu tiếp nhận hồ sơ bây giờ'),
          }),
        }),
      },
    },
  }, async (req) => {
    const now = app.deps.clock.now();
    const { calendar, center } = await app.deps.calendars.forCenter(req.query.center);
    const o = publicOpeningAt(calendar, now);
    const r = receiptOf(calendar, now);
    return {
      at: now.toISOString(), center, open: o.open, current: o.current && presentSession(o.current), next: o.next && presentSession(o.next),
      office: { open: !r.moved, receiptAt: r.effectiveReceivedAt.toISOString() },
    };
  });

  app.get('/calendar/days', {
    config: { access: PUBLIC },
    schema: {
      tags: ['calendar'],
      summary: 'Ngày nghỉ và ngày làm bù của một năm, kèm nguồn (lịch công bố, luật định, quản trị viên)',
      querystring: z.object({ year: z.coerce.number({ error: 'Năm phải là số' }).int().min(1990, 'Năm từ 1990').max(2100, 'Năm đến 2100'), center: z.string().max(60).optional() }),
      response: {
        200: z.object({
          year: z.number(), center: CenterRef, saturdayMorningOpen: z.boolean(), saturdayMorningCounts: z.boolean(),
          items: z.array(z.object({ date: z.string(), kind: z.string(), source: z.string(), weekend: z.boolean(), name: z.string().optional(), reason: z.string().optional(), overrideId: z.string().optional() })),
        }),
      },
    },
  }, async (req) => {
    const { calendar, center, saturdayMorningOpen, saturdayMorningCounts } = await app.deps.calendars.forCenter(req.query.center);
    const live = await many<{ id: string; day: string }>(app.deps.db,
      `SELECT id, day FROM calendar_overrides WHERE removed_at IS NULL AND (center_id IS NULL OR center_id = $1)
         AND day BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31) ORDER BY center_id NULLS FIRST`, [center?.id ?? null, req.query.year]);
    const ids = new Map(live.map((o) => [o.day, o.id]));
    const items = calendar.yearDays(req.query.year).map((d) => ({ ...d, weekend: false, ...(d.source === 'admin' && ids.has(d.date) ? { overrideId: ids.get(d.date)! } : {}) }));
    // Saturdays and Sundays inside a holiday period (e.g. the Saturdays of Tết) matter for a center that opens on
    // Saturday mornings: list them too, marked as weekend days.
    for (let t = Date.UTC(req.query.year, 0, 1); t < Date.UTC(req.query.year + 1, 0, 1); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      const dow = new Date(t).getUTCDay();
      if (dow !== 0 && dow !== 6) continue;
      const info = calendar.dayInfo(date);
      if (info.kind === 'day_off') items.push({ date, kind: 'day_off', source: (info.source === 'weekly' || info.source === null ? 'announced' : info.source) as 'announced' | 'statutory' | 'admin', weekend: true, ...(info.name ? { name: info.name } : {}) });
    }
    items.sort((a, b) => a.date.localeCompare(b.date));
    return { year: req.query.year, center, saturdayMorningOpen, saturdayMorningCounts, items };
  });

  app.get('/admin/calendar/overrides', {
    config: { access: perm('calendar.manage') },
    schema: {
      tags: ['calendar'], summary: 'Các thay đổi lịch của quản trị viên (kể cả đã hủy)',
      querystring: z.object({ year: z.coerce.number().int().min(1990).max(2100) }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), date: z.string(), kind: z.string(), reason: z.string(), center: CenterRef, createdBy: z.string().nullable(), createdAt: z.string(), removedAt: z.string().nullable(), removedReason: z.string().nullable() })) }) },
    },
  }, async (req) => {
    const rows = await many<{ id: string; day: string; kind: string; reason: string; c_id: string | null; c_code: string; c_name: string; created_by: string | null; created_at: Date; removed_at: Date | null; removed_reason: string | null }>(app.deps.db,
      `SELECT o.id, o.day, o.kind, o.reason, c.id AS c_id, c.code AS c_code, c.name AS c_name, u.username AS created_by, o.created_at, o.removed_at, o.removed_reason
         FROM calendar_overrides o LEFT JOIN centers c ON c.id = o.center_id LEFT JOIN users u ON u.id = o.created_by
        WHERE o.day BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31) ORDER BY o.day, o.created_at`, [req.query.year]);
    return { items: rows.map((r) => ({ id: r.id, date: r.day, kind: r.kind, reason: r.reason, center: r.c_id ? { id: r.c_id, code: r.c_code, name: r.c_name } : null, createdBy: r.created_by, createdAt: r.created_at.toISOString(), removedAt: r.removed_at?.toISOString() ?? null, removedReason: r.removed_reason })) };
  });

  app.post('/admin/calendar/overrides', {
    config: { access: perm('calendar.manage') },
    schema: {
      tags: ['calendar'], summary: 'Thêm ngày nghỉ hoặc ngày làm việc (làm bù) — có ghi nhật ký',
      body: z.object({ date: Day, kind: z.enum(['day_off', 'working_day']), reason: z.string().trim().min(5, 'Lý do tối thiểu 5 ký tự').max(500), center: z.string().max(60).optional() }),
      response: { 201: z.object({ id: z.string(), date: z.string(), kind: z.string(), reason: z.string() }) },
    },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const b = req.body;
    if (Number.isNaN(Date.parse(b.date + 'T00:00:00Z')) || new Date(b.date + 'T00:00:00Z').toISOString().slice(0, 10) !== b.date) throw badRequest('CALENDAR_BAD_DAY', `Ngày ${b.date} không tồn tại.`);
    const center = b.center ? await findCenter(db, b.center) : null;
    if (center) scopedCenter(req.actor!, center.id);
    const row = await withTx(db, async (tx) => {
      const clash = await one(tx, `SELECT 1 FROM calendar_overrides WHERE removed_at IS NULL AND day = $1 AND center_id IS NOT DISTINCT FROM $2`, [b.date, center?.id ?? null]);
      if (clash) throw new AppError(409, 'CALENDAR_OVERRIDE_EXISTS', `Ngày ${b.date.split('-').reverse().join('/')} đã có một thay đổi; hãy hủy thay đổi đó trước.`);
      const r = await one<{ id: string; day: string; kind: string; reason: string }>(tx,
        `INSERT INTO calendar_overrides (center_id, day, kind, reason, created_by, created_at) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id, day, kind, reason`,
        [center?.id ?? null, b.date, b.kind, b.reason, req.actor!.id, clock.now()]);
      await audit(tx, { actorId: req.actor!.id, centerId: center?.id ?? null, action: 'calendar.override.add', entity: 'calendar_override', entityId: r!.id, data: { date: b.date, kind: b.kind, reason: b.reason } }, clock.now());
      return r!;
    });
    return reply.code(201).send({ id: row.id, date: row.day, kind: row.kind, reason: row.reason });
  });

  app.delete('/admin/calendar/overrides/:id', {
    config: { access: perm('calendar.manage') },
    schema: {
      tags: ['calendar'], summary: 'Hủy một thay đổi lịch (giữ lại trong lịch sử) — có ghi nhật ký',
      params: z.object({ id: z.string().uuid('Mã không hợp lệ') }),
      body: z.object({ reason: z.string().trim().min(5, 'Lý do tối thiểu 5 ký tự').max(500) }),
    },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    await withTx(db, async (tx) => {
      const r = await one<{ id: string; day: string; center_id: string | null }>(tx,
        `UPDATE calendar_overrides SET removed_at = $2, removed_by = $3, removed_reason = $4 WHERE id = $1 AND removed_at IS NULL RETURNING id, day, center_id`,
        [req.params.id, clock.now(), req.actor!.id, req.body.reason]);
      if (!r) throw notFound('thay đổi lịch (hoặc đã được hủy)');
      await audit(tx, { actorId: req.actor!.id, centerId: r.center_id, action: 'calendar.override.remove', entity: 'calendar_override', entityId: r.id, data: { date: r.day, reason: req.body.reason } }, clock.now());
    });
    return reply.code(204).send();
  });
};
