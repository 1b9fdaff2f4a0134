// Center-level money: the collectors' cash books (view, close, PDF/Excel), fee reports (JSON/Excel) and transfers to
// departments with the reconciliation. Province-wide roles name the center (?center=id or code); everyone else is
// held to their own center.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { named } from '../../../http/openapi';
import { anyPerm, perm } from '../../../http/access';
import { badRequest, forbidden } from '../../../platform/errors';
import { actorCan, type Actor } from '../../auth/actor';
import { auditRead } from '../../audit/reads';
import { vnDayString } from '../../calendar/domain';
import { feeCenter } from '../center-scope';
import { cashbookOf, closeDay, collectorsOf, findCollector, type Cashbook } from '../cashbook';
import { cashbookFigures, zeroByMethod } from '../domain';
import { cashbooksXlsx, reportXlsx } from '../exports';
import { feeReport } from '../reports';
import { Day, IdParam, Vnd } from '../schemas';
import { confirmBatch, createBatch, listBatches, loadBatch, reconciliation } from '../transfers';

const Figures = named('FeeCashbookFigures', z.object({ opening: z.number(), receipts: z.number(), voids: z.number(), refunds: z.number(), handedOver: z.number(), closing: z.number() }));
const CashbookOut = named('FeeCashbook', z.object({
  day: z.string(), collector: z.object({ id: z.string(), username: z.string(), fullName: z.string() }), status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(), signedOffBy: z.string().nullable(), receiptCount: z.number(), voidCount: z.number(),
  /** The VNPay gateway's book: online payments, read per center, never closed by hand. */
  online: z.boolean(),
  figures: z.object({ lines: z.array(Figures.extend({ method: z.string() })), total: Figures }),
  entries: z.array(z.object({ kind: z.enum(['receipt', 'void', 'refund']), receiptId: z.string(), receiptNumber: z.string(), dossierCode: z.string(), payer: z.string(), method: z.string(), amount: z.number(), at: z.string(), reason: z.string().nullable() })),
}));
const CenterOut = z.object({ id: z.string(), code: z.string(), name: z.string() });
const CashbookQuery = z.object({ date: Day.optional(), collector: z.string().max(60).optional(), center: z.string().max(60).optional() });
const Period = z.object({ from: Day, to: Day, center: z.string().max(60).optional() });
const BatchOut = named('FeeTransferBatch', z.object({
  id: z.string(), periodFrom: z.string(), periodTo: z.string(), status: z.enum(['created', 'confirmed']), note: z.string(), createdAt: z.string(),
  confirmedAt: z.string().nullable(), bankReference: z.string().nullable(),
  lines: z.array(z.object({ departmentId: z.string(), departmentName: z.string(), receipts: z.number(), collected: z.number(), kept: z.number(), amount: z.number(), account: z.record(z.string(), z.string()).nullable() })),
  total: z.object({ receipts: z.number(), collected: z.number(), kept: z.number(), amount: z.number() }),
}));
const Money = { collected: z.number(), kept: z.number(), transferred: z.number(), inBatch: z.number(), unbatched: z.number(), pending: z.number(), difference: z.number() };
const ReportRow = named('FeeReportRow', z.object({ key: z.string(), label: z.string(), receipts: z.number(), collected: z.number(), kept: z.number(), toDepartments: z.number() }));
const ReportQuery = Period.extend({ groupBy: z.enum(['procedure', 'field', 'department', 'day', 'method'], { error: 'groupBy phải là procedure, field, department, day hoặc method' }).default('procedure') });

const SUPERVISE = ['fees.manage', 'reports.view'] as const;
const supervises = (a: Actor) => SUPERVISE.some((p) => actorCan(a, p));

export const centerFeeRoutes: FastifyPluginAsyncZod = async (app) => {
  const centerOf = (actor: Actor, requested?: string) => feeCenter(app.deps.db, actor, requested);

  const books = async (actor: Actor, q: z.infer<typeof CashbookQuery>) => {
    const { db, clock } = app.deps;
    const center = await centerOf(actor, q.center);
    const day = q.date ?? vnDayString(clock.now());
    let collectors: Cashbook['collector'][];
    if (!supervises(actor)) {
      if (q.collector && q.collector !== actor.id && q.collector.toLowerCase() !== actor.username.toLowerCase()) {
        throw forbidden('Người thu phí chỉ xem được sổ quỹ của chính mình.');
      }
      collectors = [{ id: actor.id, username: actor.username, fullName: actor.fullName }];
    } else if (q.collector) {
      const c = await findCollector(db, center.id, q.collector);
      if (!c) throw badRequest('FEE_UNKNOWN_COLLECTOR', `Không có người thu "${q.collector}" ở Trung tâm này.`);
      collectors = [c];
    } else {
      collectors = await collectorsOf(db, center.id, day);
    }
    const list = await Promise.all(collectors.map((c) => cashbookOf(db, center.id, c, day)));
    const total = cashbookFigures(zeroByMethod(), zeroByMethod(), zeroByMethod()).total;
    for (const b of list) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += b.figures.total[k];
    return { date: day, center, books: list, total };
  };

  const CASHBOOK_ACCESS = anyPerm('fees.collect', 'fees.manage', 'reports.view');
  app.get('/fees/cashbook', {
    config: { access: CASHBOOK_ACCESS },
    schema: {
      tags: ['fees'], summary: 'Sổ quỹ trong ngày: tồn đầu, thu, hủy, nộp quỹ, tồn cuối theo hình thức (người thu xem sổ của mình; lãnh đạo xem cả Trung tâm)',
      querystring: CashbookQuery, response: { 200: z.object({ date: z.string(), center: CenterOut, books: z.array(CashbookOut), total: Figures }) },
    },
  }, async (req) => books(req.actor!, req.query));

  app.get('/fees/cashbook.xlsx', {
    config: { access: CASHBOOK_ACCESS },
    schema: { tags: ['fees'], summary: 'Sổ quỹ trong ngày (Excel)', querystring: CashbookQuery },
  }, async (req, reply) => {
    const r = await books(req.actor!, req.query);
    await auditRead(req, { action: 'fees.cashbook.export', entity: 'center', entityId: r.center.id, centerId: r.center.id, data: { format: 'xlsx', day: r.date, collectors: r.books.map((b) => b.collector.username) } });
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="so-quy-${r.date}.xlsx"`).send(await cashbooksXlsx(r.center.name, r.books));
  });

  app.get('/fees/cashbook.pdf', {
    config: { access: CASHBOOK_ACCESS },
    schema: { tags: ['fees'], summary: 'Sổ quỹ trong ngày (PDF, có chỗ ký)', querystring: CashbookQuery },
  }, async (req, reply) => {
    const r = await books(req.actor!, req.query);
    const pdf = await app.deps.printer.render('cashbooks', r.center.name, r.date, r.books, app.deps.clock.now());
    await auditRead(req, { action: 'fees.cashbook.export', entity: 'center', entityId: r.center.id, centerId: r.center.id, data: { format: 'pdf', day: r.date, collectors: r.books.map((b) => b.collector.username) } });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="so-quy-${r.date}.pdf"`).send(pdf);
  });

  app.post('/fees/cashbook/close', {
    config: { access: perm('fees.manage') },
    schema: {
      tags: ['fees'], summary: 'Khóa sổ quỹ một ngày của một người thu và ký xác nhận (Giám đốc, Phó Giám đốc); sau đó không ghi thêm thu, hủy trong ngày đó',
      body: z.object({
        date: Day, collector: z.string().min(2).max(60), center: z.string().max(60).optional(),
        handedOver: z.object({ cash: Vnd.optional(), transfer: Vnd.optional(), card: Vnd.optional() }).default({}),
        note: z.string().trim().max(500).default(''),
      }),
      response: { 200: CashbookOut },
    },
  }, async (req) => {
    const { db, clock } = app.deps;
    const center = await centerOf(req.actor!, req.body.center);
    const collector = await findCollector(db, center.id, req.body.collector);
    if (!collector) throw badRequest('FEE_UNKNOWN_COLLECTOR', `Không có người thu "${req.body.collector}" ở Trung tâm này.`);
    const now = clock.now();
    return closeDay(db, req.actor!, center.id, collector, req.body.date, vnDayString(now), req.body.handedOver, req.body.note, now);
  });

  const REPORT_ACCESS = anyPerm('reports.view', 'fees.manage', 'fees.collect');
  app.get('/fees/reports', {
    config: { access: REPORT_ACCESS },
    schema: {
      tags: ['fees'], summary: 'Tổng hợp số thu phí, lệ phí theo thủ tục, lĩnh vực, phòng chuyên môn hoặc ngày trong một kỳ; số đã hoàn trả, số thực thu (đã thu − đã hoàn) và các khoản được miễn thu', querystring: ReportQuery,
      response: { 200: z.object({ center: CenterOut, from: z.string(), to: z.string(), groupBy: ReportQuery.shape.groupBy.removeDefault(), rows: z.array(ReportRow), total: ReportRow.omit({ key: true, label: true }), voided: z.object({ receipts: z.number(), amount: z.number() }),
        refunded: z.object({ refunds: z.number(), amount: z.number(), items: z.array(z.object({ refundNumber: z.string(), dossierCode: z.string(), amount: z.number(), reason: z.string(), by: z.string(), at: z.string() })) }),
        net: z.number(),
        waived: z.object({ dossiers: z.number(), amount: z.number(), items: z.array(z.object({ dossierCode: z.string(), amount: z.number(), reason: z.string(), by: z.string(), at: z.string() })) }) }) },
    },
  }, async (req) => {
    const center = await centerOf(req.actor!, req.query.center);
    return { center, ...(await feeReport(app.deps.db, center.id, req.query.from, req.query.to, req.query.groupBy)) };
  });

  app.get('/fees/reports.xlsx', {
    config: { access: REPORT_ACCESS },
    schema: { tags: ['fees'], summary: 'Tổng hợp số thu phí, lệ phí (Excel)', querystring: ReportQuery },
  }, async (req, reply) => {
    const center = await centerOf(req.actor!, req.query.center);
    const r = await feeReport(app.deps.db, center.id, req.query.from, req.query.to, req.query.groupBy);
    await auditRead(req, { action: 'fees.report.export', entity: 'center', entityId: center.id, centerId: center.id, data: { format: 'xlsx', from: r.from, to: r.to, groupBy: r.groupBy } });
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="bao-cao-thu-phi-${r.from}-${r.to}.xlsx"`).send(await reportXlsx(center.name, r, app.deps.clock.now()));
  });

  app.get('/fees/reports.pdf', {
    config: { access: REPORT_ACCESS },
    schema: { tags: ['fees'], summary: 'Tổng hợp số thu phí, lệ phí (PDF, khổ ngang)', querystring: ReportQuery },
  }, async (req, reply) => {
    const center = await centerOf(req.actor!, req.query.center);
    const r = await feeReport(app.deps.db, center.id, req.query.from, req.query.to, req.query.groupBy);
    await auditRead(req, { action: 'fees.report.export', entity: 'center', entityId: center.id, centerId: center.id, data: { format: 'pdf', from: r.from, to: r.to, groupBy: r.groupBy } });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="bao-cao-thu-phi-${r.from}-${r.to}.pdf"`).send(await app.deps.printer.render('feeReport', center.name, r, app.deps.clock.now()));
  });

  app.get('/fees/transfers', {
    config: { access: REPORT_ACCESS },
    schema: { tags: ['fees'], summary: 'Các đợt chuyển tiền cho phòng chuyên môn trong kỳ', querystring: Period, response: { 200: z.object({ items: z.array(BatchOut) }) } },
  }, async (req) => {
    const center = await centerOf(req.actor!, req.query.center);
    return { items: await listBatches(app.deps.db, center.id, req.query.from, req.query.to) };
  });

  app.post('/fees/transfers', {
    config: { access: anyPerm('fees.collect', 'fees.manage') },
    schema: {
      tags: ['fees'], summary: 'Lập đợt chuyển tiền cho các phòng chuyên môn: số đã thu trừ phần Trung tâm giữ lại, theo từng phòng',
      body: Period.extend({ note: z.string().trim().max(500).default('') }), response: { 201: BatchOut },
    },
  }, async (req, reply) => {
    const center = await centerOf(req.actor!, req.body.center);
    return reply.code(201).send(await createBatch(app.deps.db, req.actor!, center.id, req.body.from, req.body.to, req.body.note, app.deps.clock.now()));
  });

  app.post('/fees/transfers/:id/confirm', {
    config: { access: perm('fees.manage') },
    schema: {
      tags: ['fees'], summary: 'Xác nhận đã chuyển khoản đợt chuyển tiền (kèm số chứng từ ngân hàng)', params: IdParam,
      body: z.object({ bankReference: z.string().trim().min(3, 'Số chứng từ quá ngắn').max(80), center: z.string().max(60).optional() }), response: { 200: BatchOut },
    },
  }, async (req) => {
    const center = await centerOf(req.actor!, req.body.center);
    return confirmBatch(app.deps.db, req.actor!, center.id, req.params.id, req.body.bankReference, app.deps.clock.now());
  });

  app.get('/fees/transfers/:id', {
    config: { access: REPORT_ACCESS },
    schema: { tags: ['fees'], summary: 'Một đợt chuyển tiền', params: IdParam, querystring: z.object({ center: z.string().max(60).optional() }), response: { 200: BatchOut } },
  }, async (req) => loadBatch(app.deps.db, (await centerOf(req.actor!, req.query.center)).id, req.params.id));

  app.get('/fees/transfers/reconciliation', {
    config: { access: REPORT_ACCESS },
    schema: {
      tags: ['fees'], summary: 'Đối chiếu: đã thu = đã chuyển + Trung tâm giữ lại + chưa chuyển, theo từng phòng, đến từng đồng', querystring: Period,
      response: {
        200: z.object({
          center: CenterOut, from: z.string(), to: z.string(), balanced: z.boolean(),
          rows: z.array(z.object({ departmentId: z.string().nullable(), name: z.string(), ...Money })), total: z.object(Money),
          checks: z.object({ payments: z.number(), receipts: z.number(), receiptLines: z.number(), confirmedBatchLines: z.number(), confirmedBatchReceiptLines: z.number(), ledgersAgree: z.boolean(), batchesAgree: z.boolean() }),
        }),
      },
    },
  }, async (req) => {
    const center = await centerOf(req.actor!, req.query.center);
    const r = await reconciliation(app.deps.db, center.id, req.query.from, req.query.to);
    return { center, from: r.from, to: r.to, balanced: r.balanced, rows: r.rows.map((x) => ({ ...x, name: r.names[x.departmentId ?? 'center'] })), total: r.total, checks: r.checks };
  });
};
