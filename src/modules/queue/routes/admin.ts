import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { perm } from '../../../http/access';
import { audit } from '../../../platform/audit';
import { many, withTx } from '../../../platform/db';
import { badRequest } from '../../../platform/errors';
import { scopedCenter } from '../../auth/actor';
import { auditRead } from '../../audit/reads';
import { vnDayString } from '../../calendar/domain';
import { findCenter } from '../../centers/repo';
import { loadSettings, priorityCategories } from '../repo';
import { CenterParam, SettingsBody, SettingsOut, StatsOut, StatsQuery } from '../schema';
import { queueStats, statsToXlsx } from '../stats';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DAY_MS = 86_400_000;

// Statistics (reports.view, the caller's center) and the queue settings of a center (centers.manage).
export const queueAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const statsFor = async (req: FastifyRequest, q: z.infer<typeof StatsQuery>) => {
    const { db, clock } = app.deps;
    const requested = q.center ? await findCenter(db, q.center) : null;
    const centerId = scopedCenter(req.actor!, requested?.id ?? null);
    const center = centerId ? (requested ?? (await findCenter(db, centerId))) : null;
    const to = q.to ?? vnDayString(clock.now());
    const from = q.from ?? vnDayString(new Date(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS));
    const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
    if (Number.isNaN(span)) throw badRequest('QUEUE_STATS_BAD_DAY', 'Ngày không hợp lệ.');
    if (span < 0) throw badRequest('QUEUE_STATS_RANGE', 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
    if (span > 366) throw badRequest('QUEUE_STATS_RANGE', 'Khoảng thời gian thống kê tối đa 366 ngày.');
    const stats = await queueStats(db, centerId, from, to, q.groupBy);
    return { center: center ? { id: center.id, code: center.code, name: center.name } : null, ...stats };
  };

  app.get('/queue/stats', {
    config: { access: perm('reports.view') },
    schema: {
      tags: ['queue'],
      summary: 'Thống kê lấy số: số phiếu, đã phục vụ, vắng mặt, thời gian chờ và phục vụ (trung bình và mức 9/10 phiếu không vượt quá) theo ngày/tuần/tháng/lĩnh vực/quầy/cán bộ',
      querystring: StatsQuery,
      response: { 200: StatsOut },
    },
  }, async (req) => statsFor(req, req.query));

  app.get('/queue/stats.xlsx', {
    config: { access: perm('reports.view') },
    schema: { tags: ['queue'], summary: 'Thống kê lấy số (Excel)', querystring: StatsQuery },
  }, async (req, reply) => {
    const s = await statsFor(req, req.query);
    const buf = await statsToXlsx(s, s.center?.name ?? 'Tất cả Trung tâm');
    await auditRead(req, { action: 'queue.stats.export', entity: 'center', entityId: s.center?.id ?? null, centerId: s.center?.id ?? null, data: { format: 'xlsx', from: s.from, to: s.to } });
    return reply.type(XLSX).header('content-disposition', `attachment; filename="thong-ke-lay-so-${s.from}-${s.to}.xlsx"`).send(buf);
  });

  const settingsOf = async (center: { id: string; code: string; name: string }) => {
    const { db } = app.deps;
    return {
      center: { id: center.id, code: center.code, name: center.name },
      ...(await loadSettings(db, center.id)),
      priorities: await priorityCategories(db, center.id),
      numbering: await many<{ field: string; prefix: string; rangeStart: number }>(db,
        `SELECT n.field_code AS field, n.prefix, n.range_start AS "rangeStart" FROM queue_numbering n JOIN fields f ON f.code = n.field_code WHERE n.center_id = $1 ORDER BY f.no`, [center.id]),
      groups: await many<{ code: string; name: string; fields: string[]; prefix: string; rangeStart: number }>(db,
        `SELECT code, name, field_codes AS fields, prefix, range_start AS "rangeStart" FROM queue_service_groups WHERE center_id = $1 AND active ORDER BY code`, [center.id]),
    };
  };

  app.get('/queue/settings', {
    config: { access: perm('centers.manage') },
    schema: { tags: ['queue'], summary: 'Cấu hình hàng đợi của Trung tâm', querystring: z.object({ center: CenterParam }), response: { 200: SettingsOut } },
  }, async (req) => {
    const center = await findCenter(app.deps.db, req.query.center);
    scopedCenter(req.actor!, center.id);
    return settingsOf(center);
  });

  app.put('/queue/settings', {
    config: { access: perm('centers.manage') },
    schema: {
      tags: ['queue'],
      summary: 'Sửa cấu hình hàng đợi: quy tắc chống dồn ưu tiên, số lần gọi lại, đối tượng ưu tiên, dải số, nhóm dịch vụ',
      description: 'Các danh sách (priorities, numbering, groups) khi có mặt sẽ thay thế toàn bộ danh sách cũ; priorities rỗng: dùng danh sách mặc định.',
      body: SettingsBody,
      response: { 200: SettingsOut },
    },
  }, async (req) => {
    const { db, clock } = app.deps;
    const b = req.body;
    const center = await findCenter(db, b.center);
    scopedCenter(req.actor!, center.id);
    const fieldCodes = [...new Set([...(b.numbering ?? []).map((n) => n.field), ...(b.groups ?? []).flatMap((g) => g.fields)].map((f) => f.toUpperCase()))];
    const known = await many<{ code: string }>(db, 'SELECT code FROM fields WHERE code = ANY($1)', [fieldCodes]);
    const missing = fieldCodes.filter((f) => !known.some((k) => k.code === f));
    if (missing.length) throw badRequest('QUEUE_UNKNOWN_FIELD', `Lĩnh vực không tồn tại: ${missing.join(', ')}.`);
    await withTx(db, async (tx) => {
      await tx.query(`INSERT INTO queue_settings (center_id, priority_streak_limit, recall_limit, default_service_minutes, updated_at) VALUES ($1,$2,$3,$4,$5)
        ON CONFLICT (center_id) DO UPDATE SET priority_streak_limit = $2, recall_limit = $3, default_service_minutes = $4, updated_at = $5`,
      [center.id, b.priorityStreakLimit, b.recallLimit, b.defaultServiceMinutes, clock.now()]);
      if (b.priorities) {
        await tx.query('DELETE FROM queue_priority_categories WHERE center_id = $1', [center.id]);
        for (const [i, p] of b.priorities.entries()) {
          await tx.query('INSERT INTO queue_priority_categories (center_id, code, name, sort) VALUES ($1,$2,$3,$4)', [center.id, p.code, p.name, i + 1]);
        }
      }
      if (b.numbering) {
        await tx.query('DELETE FROM queue_numbering WHERE center_id = $1', [center.id]);
        for (const n of b.numbering) {
          await tx.query('INSERT INTO queue_numbering (center_id, field_code, prefix, range_start) VALUES ($1,$2,$3,$4) ON CONFLICT (center_id, field_code) DO UPDATE SET prefix = $3, range_start = $4',
            [center.id, n.field.toUpperCase(), n.prefix, n.rangeStart]);
        }
      }
      if (b.groups) {
        // Groups already used by tickets cannot be deleted: the ones not listed are switched off.
        await tx.query('UPDATE queue_service_groups SET active = false WHERE center_id = $1 AND NOT (code = ANY($2))', [center.id, b.groups.map((g) => g.code)]);
        for (const g of b.groups) {
          await tx.query(`INSERT INTO queue_service_groups (center_id, code, name, field_codes, prefix, range_start, active) VALUES ($1,$2,$3,$4,$5,$6,true)
            ON CONFLICT (center_id, code) DO UPDATE SET name = $3, field_codes = $4, prefix = $5, range_start = $6, active = true`,
          [center.id, g.code, g.name, g.fields.map((f) => f.toUpperCase()), g.prefix, g.rangeStart]);
        }
      }
      await audit(tx, { actorId: req.actor!.id, centerId: center.id, action: 'queue.settings.update', entity: 'queue_settings', entityId: center.id, data: b }, clock.now());
    });
    return settingsOf(center);
  });
};
