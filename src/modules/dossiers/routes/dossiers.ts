import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyPerm, perm } from '../../../http/access';
import { IdempotencyKeyHeader, idempotentReply } from '../../../http/idempotency';
import { ACTIONS } from '../domain/lifecycle';
import { act, assign } from '../commands/act';
import { registerDossier } from '../commands/register';
import { queueTicketFor } from '../commands/queue-ticket';
import type { DossierCtx } from '../context';
import { assertCanView, DossierDetail, DossierRegistered, DossierSummary, presentDetail, presentSummary } from '../presenter';
import { COUNT_CAP, ListQuery, listDossiers } from '../query';
import { atRiskLimitsFor } from '../../reports/dashboard';
import { untouchedCutoffsFor } from '../../control/cutoffs';
import { findDossier, findDossierWithHistory, type DossierWithHistory } from '../repo';
import { returnCase } from '../return-case';
import { ActionInput, RegisterInput } from '../schemas';
import { presentedResponse } from '../../../http/serializer';
import { auditRead, personalSearch } from '../../audit/reads';
import { assertReturnable } from '../../fees/gate';
import { inviteOnReturn } from '../../evaluations/auto-invite';

const Code = z.object({ code: z.string().min(5).max(60) });
const ACTION_NAMES: Record<(typeof ACTIONS)[number], string> = {
  receive: 'Tiếp nhận hồ sơ (đủ điều kiện), hẹn ngày trả',
  'request-supplement': 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
  supplement: 'Người nộp đã bổ sung hồ sơ',
  refuse: 'Từ chối tiếp nhận',
  transfer: 'Chuyển hồ sơ đến phòng chuyên môn',
  'complete-step': 'Hoàn thành bước xử lý, chuyển bước tiếp theo',
  'send-back': 'Trả lại bước trước',
  'request-supplement-by-department': 'Phòng chuyên môn yêu cầu bổ sung (tạm dừng thời hạn)',
  'report-late': 'Báo trễ hạn (lý do, ngày hẹn đề xuất)',
  resolve: 'Cập nhật kết quả giải quyết',
  reject: 'Không đủ điều kiện giải quyết',
  extend: 'Gia hạn, hẹn lại ngày trả (một lần)',
  return: 'Trả kết quả',
  withdraw: 'Rút hồ sơ theo yêu cầu',
};

// Registration, lists, a dossier's page and its lifecycle actions (the public status look-up is in public.ts).
export const dossierCoreRoutes: FastifyPluginAsyncZod = async (app) => {
  type Actor = NonNullable<import('fastify').FastifyRequest['actor']>;
  const ctx = (actor: Actor): DossierCtx => ({ db: app.deps.db, clock: app.deps.clock, calendars: app.deps.calendars, actor });
  const present = async (d: DossierWithHistory, actor: Actor) => presentDetail(d, await app.deps.calendars.forRow(d), actor, app.deps.clock.now());
  const detail = async (code: string, actor: Actor) => {
    const d = await findDossierWithHistory(app.deps.db, code);
    assertCanView(actor, d);
    return present(d, actor);
  };

  app.post('/dossiers', {
    config: { access: perm('dossiers.register') },
    schema: {
      tags: ['dossiers'], summary: 'Đăng ký hồ sơ (bàn hỗ trợ / quầy tiếp nhận); nhập bù sau sự cố với backEntry. Hỗ trợ Idempotency-Key.',
      description: 'Đăng ký tại bàn hỗ trợ (người đăng ký không ngồi quầy), người nộp có mặt: cấp số thứ tự cho các quầy tiếp nhận của lĩnh vực, '
        + 'trả về trong `ticket` và in trên phiếu hồ sơ. Cán bộ đang phục vụ một số tại quầy đăng ký hồ sơ: hồ sơ được gắn với số đó. '
        + 'Nộp qua bưu chính: `channel: "post"` và `postmarkedAt` (dấu ngày đến của bưu điện), thời hạn tính từ ngày này.',
      headers: IdempotencyKeyHeader, body: RegisterInput, response: { 201: DossierRegistered },
    },
  }, async (req, reply) => {
    const actor = req.actor!;
    // The reception form keeps its key until a dossier is created: a resubmit after a lost answer, even with a
    // corrected typo, must open the dossier that was created, not fail.
    const { answer } = await idempotentReply(req, reply, { scope: 'dossiers.register', status: 201, onDifferentRequest: 'replay' }, async () => {
      const r = await registerDossier(ctx(actor), req.body);
      if (typeof r === 'string') return { ...(await detail(r, actor)), ticket: null };
      const { dossier, ticket } = await queueTicketFor(ctx(actor), r, req.log);
      const base = app.deps.config.publicUrl;
      return { ...(await present(dossier, actor)), ticket: ticket && base ? { ...ticket, followUrl: `${base}${ticket.followUrl}` } : ticket };
    });
    return reply.send(answer);
  });

  app.get('/dossiers', {
    config: { access: anyPerm('dossiers.view_center', 'dossiers.view_department') },
    schema: {
      tags: ['dossiers'], summary: 'Tra cứu, danh sách hồ sơ (mã, tên người nộp không dấu, CCCD, SĐT, thủ tục, lĩnh vực, trạng thái, thời gian, quá hạn; stat=overdue|at_risk|untouched…; inbox=1: hộp xử lý của phòng)',
      querystring: ListQuery,
      response: { 200: presentedResponse(z.object({ items: z.array(DossierSummary), total: z.number().describe(`Số hồ sơ khớp; tối đa ${COUNT_CAP} (totalCapped = true khi còn nhiều hơn)`), totalCapped: z.boolean() })) },
    },
  }, async (req) => {
    const now = app.deps.clock.now();
    const actor = req.actor!;
    const own = actor.centerId ? app.deps.calendars.forCenter(actor.centerId) : null;
    // "At risk" is one working day ahead by each center's own calendar.
    const limits = req.query.stat === 'at_risk' ? await atRiskLimitsFor(app.deps.db, app.deps.calendars, actor, req.query.center, now) : [];
    // "Untouched" is half a working day of office hours by each center's own calendar too.
    const cutoffs = req.query.stat === 'untouched' ? await untouchedCutoffsFor(app.deps.db, app.deps.calendars, actor, req.query.center, now) : [];
    const [{ rows, total, totalCapped }, ownCal] = await Promise.all([listDossiers(app.deps.db, actor, req.query, now, COUNT_CAP, limits, cutoffs), own]);
    const cals = new Map<string, Awaited<ReturnType<typeof app.deps.calendars.forCenter>>['calendar']>();
    if (ownCal && actor.centerId) cals.set(actor.centerId, ownCal.calendar);
    const items = [];
    for (const r of rows) {
      if (!cals.has(r.center_id)) cals.set(r.center_id, (await app.deps.calendars.forCenter(r.center_id)).calendar);
      items.push(presentSummary(r, cals.get(r.center_id)!, now, r.step, r.touched_at));
    }
    // A search by citizen ID or phone reads a person's dossiers: recorded with what was found, not what was typed.
    const by = personalSearch(req.query);
    if (by) {
      await auditRead(req, { action: 'dossier.search', entity: 'dossier', centerId: actor.centerId ?? (rows.length ? rows[0]!.center_id : null),
        data: { by, results: total, dossiers: rows.map((r) => r.code) } });
    }
    return { items, total, totalCapped };
  });

  app.get('/dossiers/:code', {
    config: { access: anyPerm('dossiers.view_center', 'dossiers.view_department') },
    schema: { tags: ['dossiers'], summary: 'Chi tiết hồ sơ: trạng thái, hạn, lịch sử, thao tác được phép (can)', params: Code, response: { 200: DossierDetail } },
  }, async (req) => detail(req.params.code, req.actor!));

  for (const action of ACTIONS) {
    app.post(`/dossiers/:code/${action}`, {
      config: { access: anyPerm('dossiers.receive', 'dossiers.process', 'dossiers.extend', 'dossiers.return') },
      schema: { tags: ['dossiers'], summary: ACTION_NAMES[action], params: Code, body: ActionInput, response: { 200: DossierDetail } },
    }, async (req) => {
      const actor = req.actor!;
      // The result is handed over only when the fees are settled or waived (fees/gate.ts).
      if (action === 'return') await assertReturnable(app.deps.db, req.params.code, actor);
      const done = await act(ctx(actor), req.params.code, action, req.body ?? {});
      // Returned at the counter: the evaluation goes to the counter's tablet at once ("Mời đánh giá" without the click).
      // The return is recorded already; a failure here only leaves the button to press.
      if (action === 'return') {
        await inviteOnReturn(app.deps.db, done.id, actor.id, app.deps.clock.now())
          .catch((e: unknown) => req.log.warn({ err: e, dossier: done.code }, 'Không tự động mời đánh giá được'));
      }
      return present(done, actor);
    });
  }

  app.post('/dossiers/:code/assign', {
    config: { access: perm('dossiers.process') },
    schema: { tags: ['dossiers'], summary: 'Nhận xử lý (không có userId) hoặc phân công cho chuyên viên (lãnh đạo phòng)', params: Code, body: z.object({ userId: z.string().uuid().optional(), version: z.number().int().optional() }).default({}), response: { 200: DossierDetail } },
  }, async (req) => {
    await assign(ctx(req.actor!), req.params.code, req.body.userId ?? null, req.body.version);
    return detail(req.params.code, req.actor!);
  });

  app.get('/dossiers/:code/return-case', {
    config: { access: anyPerm('dossiers.view_center') },
    schema: {
      tags: ['dossiers'], summary: 'Tình huống trả kết quả tại quầy (đúng hạn / trễ hạn / chưa có kết quả / không đủ điều kiện) và giấy tờ cần in',
      params: Code, response: { 200: z.object({ case: z.enum(['on_time', 'late', 'not_resolved', 'rejected', 'returned', 'not_received', 'closed']), message: z.string(), documents: z.array(z.enum(['result', 'evaluation', 'apology', 'extension', 'rejection'])) }) },
    },
  }, async (req) => {
    const d = await findDossier(app.deps.db, req.params.code);
    assertCanView(req.actor!, d);
    const calendar = await app.deps.calendars.forRow(d);
    return returnCase(d, calendar, app.deps.clock.now());
  });
};
