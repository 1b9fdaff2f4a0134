import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { perm } from '../../../http/access';
import { withTx } from '../../../platform/db';
import { vnDayString } from '../../calendar/domain';
import { countersWithTickets } from '../board';
import { callNext, finish, openCounter, recall, ruleError, setCounterStatus, skip, start, type Ctx } from '../commands/counter';
import { transferTicket } from '../commands/transfer';
import { presentTicket } from '../repo';
import { CounterOut, FieldCode, IdParams, TicketOut } from '../schema';

// The clerk's console: actions at a counter (permission queue.serve, counter of the caller's own center, caller
// sitting at it). Each is one transaction; a rolled-back action announces nothing.

const TicketReply = z.object({ ticket: TicketOut });
const DossierCode = z.string().trim().min(5, 'Mã hồ sơ không hợp lệ').max(60, 'Mã hồ sơ không hợp lệ').regex(/^[A-Za-z0-9.-]+$/, 'Mã hồ sơ không hợp lệ');

export const counterRoutes: FastifyPluginAsyncZod = async (app) => {
  const run = async <T>(req: FastifyRequest, fn: (c: Ctx) => Promise<T>): Promise<T> => {
    const now = app.deps.clock.now();
    try {
      return await withTx(app.deps.db, (tx) => fn({ tx, actor: req.actor!, now, day: vnDayString(now) }));
    } catch (e) {
      throw ruleError(e);
    }
  };
  const counterState = async (req: FastifyRequest & { params: { id: string } }) => {
    const now = app.deps.clock.now();
    const all = await countersWithTickets(app.deps.db, req.actor!.centerId!, vnDayString(now));
    return all.find((c) => c.id === req.params.id)!;
  };
  const serve = perm('queue.serve');

  app.post('/queue/counters/:id/call-next', {
    config: { access: serve },
    schema: {
      tags: ['queue'],
      summary: 'Gọi số tiếp theo (ưu tiên trước, rồi theo thứ tự lấy số; số đang giữ ở quầy được kết thúc)',
      description: '204 khi không còn ai chờ. Hai quầy bấm cùng lúc không bao giờ nhận cùng một số.',
      params: IdParams,
      response: { 200: z.object({ ticket: TicketOut, closed: TicketOut.nullable() }), 204: z.null().describe('Không còn ai chờ') },
    },
  }, async (req, reply) => {
    const r = await run(req, (c) => callNext(c, req.params.id));
    if (!r.ticket) return reply.code(204).send(null);
    return { ticket: presentTicket(r.ticket), closed: r.closed ? presentTicket(r.closed) : null };
  });

  app.post('/queue/counters/:id/recall', {
    config: { access: serve },
    schema: {
      tags: ['queue'], summary: 'Gọi lại số đang mời (sau số lần gọi lại tối đa, số được đánh dấu vắng mặt)',
      params: IdParams, response: { 200: z.object({ ticket: TicketOut, noShow: z.boolean() }) },
    },
  }, async (req) => {
    const r = await run(req, (c) => recall(c, req.params.id));
    return { ticket: presentTicket(r.ticket), noShow: r.noShow };
  });

  app.post('/queue/counters/:id/skip', {
    config: { access: serve },
    schema: { tags: ['queue'], summary: 'Bỏ qua số đang mời (vắng mặt)', params: IdParams, response: { 200: TicketReply } },
  }, async (req) => ({ ticket: presentTicket(await run(req, (c) => skip(c, req.params.id))) }));

  app.post('/queue/counters/:id/start', {
    config: { access: serve },
    schema: { tags: ['queue'], summary: 'Bắt đầu phục vụ số đang mời', params: IdParams, response: { 200: TicketReply } },
  }, async (req) => ({ ticket: presentTicket(await run(req, (c) => start(c, req.params.id))) }));

  app.post('/queue/counters/:id/finish', {
    config: { access: serve },
    schema: {
      tags: ['queue'], summary: 'Kết thúc phục vụ, gắn các hồ sơ đã tiếp nhận',
      params: IdParams,
      body: z.object({ dossierCodes: z.array(DossierCode).max(20, 'Tối đa 20 hồ sơ').default([]) }).nullish(),
      response: { 200: z.object({ ticket: TicketOut, dossierCodes: z.array(z.string()) }) },
    },
  }, async (req) => {
    const r = await run(req, (c) => finish(c, req.params.id, req.body?.dossierCodes ?? []));
    return { ticket: presentTicket(r), dossierCodes: r.dossier_codes };
  });

  app.post('/queue/counters/:id/open', {
    config: { access: serve },
    schema: { tags: ['queue'], summary: 'Ngồi quầy / mở lại quầy đang tạm dừng', params: IdParams, response: { 200: CounterOut } },
  }, async (req) => {
    await run(req, (c) => openCounter(c, req.params.id));
    return counterState(req);
  });

  app.post('/queue/counters/:id/pause', {
    config: { access: serve },
    schema: { tags: ['queue'], summary: 'Tạm dừng quầy (không nhận số mới)', params: IdParams, response: { 200: CounterOut } },
  }, async (req) => {
    await run(req, (c) => setCounterStatus(c, req.params.id, 'paused'));
    return counterState(req);
  });

  app.post('/queue/counters/:id/close', {
    config: { access: serve },
    schema: { tags: ['queue'], summary: 'Đóng quầy', params: IdParams, response: { 200: CounterOut } },
  }, async (req) => {
    await run(req, (c) => setCounterStatus(c, req.params.id, 'closed'));
    return counterState(req);
  });

  app.post('/queue/tickets/:id/transfer', {
    config: { access: serve },
    schema: {
      tags: ['queue'], summary: 'Chuyển số sang hàng đợi của lĩnh vực khác (giữ nguyên thời điểm lấy số)',
      params: IdParams, body: z.object({ field: FieldCode }), response: { 200: TicketReply },
    },
  }, async (req) => ({ ticket: presentTicket(await run(req, (c) => transferTicket(c, req.params.id, req.body.field))) }));
};
