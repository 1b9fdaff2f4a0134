// One receipt: as JSON, as PDF (A4 half page or 80 mm thermal), and its voiding by a supervisor role.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyPerm, perm } from '../../../http/access';
import { AppError } from '../../../platform/errors';
import type { Actor } from '../../auth/actor';
import { auditRead } from '../../audit/reads';
import { computeBreakdown } from '../breakdown';
import { loadReceipt, presentReceipt, voidReceipt, type ReceiptRow } from '../commands/receipts';
import { receiptQr, type ReceiptQr } from '../receipt-pdf';
import { loadDossier, loadSchedule } from '../repo';
import { IdParam, ReceiptOut } from '../schemas';
import { centerBankAccount } from '../setup';

export const receiptRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The VietQR code to print: what the dossier still owes now, or the transfer this receipt records (see receiptQr). */
  const qrFor = async (r: ReceiptRow, actor: Actor, log: { warn: (o: object, m: string) => void }): Promise<ReceiptQr | null> => {
    const { db, config } = app.deps;
    if (r.voided_at) return null;
    const account = await centerBankAccount(db, r.center_id, config.demo);
    if (!account) return null;
    let due = 0;
    try {
      const d = await loadDossier(db, r.dossier_code, actor);
      due = (await computeBreakdown(db, d, await loadSchedule(db, d.procedure_code))).due;
    } catch (e) {
      // A schedule that no longer fits the stored quantities must not stop a receipt from printing: it prints
      // without the code of the remaining amount.
      if (!(e instanceof AppError)) throw e;
      log.warn({ err: e, receipt: r.id }, 'receipt: remaining amount not computed');
    }
    return receiptQr(r, account, due);
  };

  app.get('/receipts/:id', {
    config: { access: anyPerm('dossiers.view_center') },
    schema: { tags: ['fees'], summary: 'Một biên lai thu phí, lệ phí', params: IdParam, response: { 200: ReceiptOut } },
  }, async (req) => presentReceipt(await loadReceipt(app.deps.db, req.params.id, { actor: req.actor! })));

  app.get('/receipts/:id.pdf', {
    config: { access: anyPerm('dossiers.view_center') },
    schema: {
      tags: ['fees'],
      summary: 'In biên lai (PDF): khổ A5 ngang, tức nửa tờ A4 (mặc định), hoặc giấy in nhiệt 80 mm (?format=80mm); có mã VietQR của số tiền còn phải nộp (hoặc của khoản đã chuyển khoản); biên lai đã hủy có dấu "ĐÃ HỦY"',
      params: IdParam,
      querystring: z.object({ format: z.enum(['a5', '80mm'], { error: 'Khổ in phải là a5 hoặc 80mm' }).default('a5') }),
    },
  }, async (req, reply) => {
    const r = await loadReceipt(app.deps.db, req.params.id, { actor: req.actor! });
    const pdf = await app.deps.printer.render('feeReceipt', r, req.query.format, app.deps.clock.now(), await qrFor(r, req.actor!, req.log));
    const name = `bien-lai-${r.symbol}-${String(r.number).padStart(7, '0')}.pdf`;
    await auditRead(req, { action: 'fees.receipt.print', entity: 'receipt', entityId: r.id, centerId: r.center_id, data: { receiptNumber: `${r.symbol}/${String(r.number).padStart(7, '0')}`, dossier: r.dossier_code } });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).send(pdf);
  });

  app.post('/receipts/:id/void', {
    config: { access: perm('fees.void') },
    schema: {
      tags: ['fees'],
      summary: 'Hủy biên lai (Giám đốc, Phó Giám đốc) — ghi lý do, không xóa; khoản đã nộp không còn được tính, thu lại bằng biên lai mới',
      params: IdParam,
      body: z.object({ reason: z.string().trim().min(10, 'Lý do hủy tối thiểu 10 ký tự').max(500) }),
      response: { 200: ReceiptOut },
    },
  }, async (req) => presentReceipt(await voidReceipt({ db: app.deps.db, clock: app.deps.clock, actor: req.actor! }, req.params.id, req.body.reason)));
};
