// Fees of one dossier: the breakdown, what the counter entered, the VietQR code of what is due, related services,
// payments and the dossier's receipts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anyPerm, perm } from '../../../http/access';
import { named } from '../../../http/openapi';
import { IdempotencyKeyHeader, idempotentReply } from '../../../http/idempotency';
import { withTx } from '../../../platform/db';
import { badRequest, conflict } from '../../../platform/errors';
import type { Actor } from '../../auth/actor';
import { qrCode } from '../../../platform/pdf';
import { buildVietQr, formatVnd, vietQrMemo } from '../domain';
import { computeBreakdown, presentBreakdown } from '../breakdown';
import { collectPayment, type PaymentResult } from '../commands/collect';
import { saveInputs } from '../commands/inputs';
import { dossierReceipts, presentReceipt } from '../commands/receipts';
import { addServices } from '../commands/services';
import { loadDossier, loadSchedule } from '../repo';
import { BreakdownOut, BreakdownQuery, CodeParam, InputsBody, PaymentBody, PaymentOut, ReceiptOut, ServiceIn, VietQrOut, VietQrQuery } from '../schemas';
import { centerBankAccount } from '../setup';
import { slipStanding, waiveFees, waiverOf } from '../gate';
import { refundFees, refundForPrint, refundStanding, type Refund } from '../commands/refunds';
import { auditRead } from '../../audit/reads';

const RefundOut = named('FeeRefund', z.object({
  id: z.string(), refundNumber: z.string(), series: z.string(), number: z.number(), dossierCode: z.string(), method: z.enum(['cash', 'transfer']),
  amount: z.number(), amountInWords: z.string(), reason: z.string(),
  payee: z.object({ name: z.string(), address: z.string(), idNumber: z.string().nullable() }), by: z.string(), at: z.string(),
}));
const RefundBody = z.object({
  amount: z.number({ error: 'Số tiền hoàn phải là số' }).int('Số tiền hoàn là số đồng nguyên').min(1, 'Số tiền hoàn ít nhất 1 đ').max(1_000_000_000_000),
  reason: z.string().trim().min(10, 'Ghi rõ lý do hoàn trả (ít nhất 10 ký tự)').max(500, 'Lý do tối đa 500 ký tự'),
  method: z.enum(['cash', 'transfer']).default('cash'),
});

const VIEW = anyPerm('dossiers.view_center');

export const dossierFeeRoutes: FastifyPluginAsyncZod = async (app) => {
  const ctx = (actor: Actor) => ({ db: app.deps.db, clock: app.deps.clock, actor, config: app.deps.config });

  app.get('/dossiers/:code/fees', {
    config: { access: VIEW },
    schema: {
      tags: ['fees'], summary: 'Phí, lệ phí của hồ sơ: từng khoản, căn cứ pháp lý, đã nộp, còn phải nộp (tham số để xem thử số trang, số bản, đối tượng)',
      params: CodeParam, querystring: BreakdownQuery, response: { 200: BreakdownOut },
    },
  }, async (req) => {
    const { db } = app.deps;
    const d = await loadDossier(db, req.params.code, req.actor!);
    const schedule = await loadSchedule(db, d.procedure_code);
    const q = req.query;
    const preview = await computeBreakdown(db, d, schedule, { pages: q.pages, copies: q.copies, categories: q.categories, selected: q.selected });
    const waiver = await waiverOf(db, d.id);
    // What the appointment slip waits for is the stored standing, never a preview's.
    const isPreview = [q.pages, q.copies, q.categories, q.selected].some((v) => v !== undefined);
    const stored = isPreview ? await computeBreakdown(db, d, schedule) : preview;
    return { ...presentBreakdown(d, preview), waiver, slip: slipStanding(stored, schedule, waiver !== null) };
  });

  app.post('/dossiers/:code/fees/waive', {
    config: { access: perm('fees.manage') },
    schema: {
      tags: ['fees'], summary: 'Lãnh đạo Trung tâm miễn thu số phí, lệ phí hồ sơ còn nợ (ghi rõ lý do; một lần; ghi nhật ký): trả kết quả không cần thu',
      params: CodeParam, body: z.object({ reason: z.string().trim().min(10).max(500) }),
      response: { 200: z.object({ waiver: z.object({ amount: z.number(), reason: z.string(), by: z.string(), at: z.string() }) }) },
    },
  }, async (req) => ({ waiver: await waiveFees(app.deps.db, app.deps.clock.now(), req.actor!, req.params.code, req.body.reason) }));

  app.get('/dossiers/:code/fees/refunds', {
    config: { access: VIEW },
    schema: {
      tags: ['fees'], summary: 'Hoàn trả phí, lệ phí của hồ sơ bị từ chối hoặc đã rút: đã nộp, đã hoàn, còn có thể hoàn và các phiếu hoàn',
      params: CodeParam,
      response: { 200: z.object({ status: z.string(), paid: z.number(), refunded: z.number(), refundable: z.number(), blocked: z.string().nullable(), items: z.array(RefundOut) }) },
    },
  }, async (req) => refundStanding(app.deps.db, await loadDossier(app.deps.db, req.params.code, req.actor!)));

  app.post('/dossiers/:code/fees/refunds', {
    config: { access: perm('fees.collect') },
    schema: {
      tags: ['fees'],
      summary: 'Hoàn trả phí, lệ phí cho hồ sơ bị từ chối hoặc đã rút (không quá số đã nộp; ghi lý do; cấp phiếu hoàn có số; ghi sổ quỹ và nhật ký). Gửi header Idempotency-Key để thử lại an toàn',
      params: CodeParam, body: RefundBody, headers: IdempotencyKeyHeader,
      response: { 201: RefundOut.extend({ replayed: z.boolean() }) },
    },
  }, async (req, reply) => {
    const { answer, replayed } = await idempotentReply<Refund>(req, reply, { scope: `fees.refund:${req.params.code}`, status: 201 },
      (claim) => refundFees(ctx(req.actor!), req.params.code, req.body, claim));
    return reply.send({ ...answer, replayed });
  });

  app.get('/dossiers/:code/fees/refunds/:id.pdf', {
    config: { access: VIEW },
    schema: {
      tags: ['fees'], summary: 'In phiếu hoàn trả phí, lệ phí (PDF, nửa tờ A4): người nhận tiền và người hoàn trả ký',
      params: CodeParam.extend({ id: z.string().uuid({ error: 'Mã phiếu hoàn trả không hợp lệ' }) }),
    },
  }, async (req, reply) => {
    const d = await loadDossier(app.deps.db, req.params.code, req.actor!);
    const r = await refundForPrint(app.deps.db, d, req.params.id);
    const pdf = await app.deps.printer.render('feeRefund', r, app.deps.clock.now());
    await auditRead(req, { action: 'fees.refund.print', entity: 'dossier', entityId: d.code, centerId: d.center_id, data: { refundNumber: r.refundNumber } });
    return reply.type('application/pdf').header('content-disposition', `inline; filename="phieu-hoan-tra-${r.refundNumber.replace('/', '-')}.pdf"`).send(pdf);
  });

  app.put('/dossiers/:code/fees/quantities', {
    config: { access: anyPerm('dossiers.receive', 'fees.collect') },
    schema: {
      tags: ['fees'], summary: 'Lưu số trang, số bản, khoản phí được chọn, đối tượng miễn giảm, số tiền "theo quy định" của hồ sơ',
      params: CodeParam, body: InputsBody, response: { 200: BreakdownOut },
    },
  }, async (req) => {
    const { dossier, breakdown } = await saveInputs(ctx(req.actor!), req.params.code, req.body);
    return presentBreakdown(dossier, breakdown);
  });

  app.get('/dossiers/:code/fees/vietqr', {
    config: { access: VIEW },
    schema: {
      tags: ['fees'],
      summary: 'Mã VietQR chuyển khoản vào tài khoản của Trung tâm, nội dung là mã hồ sơ: đúng số tiền còn phải nộp, hoặc một phần (?amount=, từ 1 đồng đến số còn phải nộp)',
      params: CodeParam, querystring: VietQrQuery, response: { 200: VietQrOut },
    },
  }, async (req) => {
    const { db, config } = app.deps;
    const d = await loadDossier(db, req.params.code, req.actor!);
    const b = await computeBreakdown(db, d, await loadSchedule(db, d.procedure_code));
    if (b.due <= 0) throw conflict('FEE_NOTHING_DUE', `Hồ sơ ${d.code} không còn khoản phí nào phải nộp.`);
    const amount = req.query.amount ?? b.due;
    if (amount > b.due) {
      throw badRequest('FEE_VIETQR_AMOUNT', `Số tiền chuyển khoản ${formatVnd(amount)} vượt quá số còn phải nộp ${formatVnd(b.due)}: hãy nhập từ 1 đ đến ${formatVnd(b.due)}.`, { amount, due: b.due });
    }
    const account = await centerBankAccount(db, d.center_id, config.demo);
    if (!account) throw conflict('FEE_NO_BANK_ACCOUNT', 'Trung tâm chưa cấu hình tài khoản ngân hàng nhận tiền phí.');
    const memo = vietQrMemo(d.code);
    const payload = buildVietQr({ bankBin: account.bankBin, accountNumber: account.accountNumber, amount, purpose: memo, onLongPurpose: 'error' });
    const image = await qrCode(payload);
    const { id: _id, ...acc } = account;
    return { payload, image: image.dataUrl, amount, due: b.due, memo, account: acc };
  });

  app.post('/dossiers/:code/services', {
    config: { access: anyPerm('fees.collect', 'dossiers.receive') },
    schema: {
      tags: ['fees'], summary: 'Đăng ký dịch vụ đi kèm cho hồ sơ: chuyển phát kết quả qua bưu điện, nhắn tin SMS (kèm giá dịch vụ)',
      params: CodeParam, body: z.object({ services: z.array(ServiceIn).min(1, 'Chọn ít nhất một dịch vụ').max(2) }), response: { 201: BreakdownOut },
    },
  }, async (req, reply) => {
    const { db, clock } = app.deps;
    const first = await loadDossier(db, req.params.code, req.actor!);
    const schedule = await loadSchedule(db, first.procedure_code);
    const out = await withTx(db, async (tx) => {
      const d = await loadDossier(tx, req.params.code, req.actor!, true);
      await addServices(tx, d, req.body.services, req.actor!, clock.now(), app.deps.config);
      return presentBreakdown(d, await computeBreakdown(tx, d, schedule));
    });
    return reply.code(201).send(out);
  });

  app.post('/dossiers/:code/payments', {
    config: { access: perm('fees.collect') },
    schema: {
      tags: ['fees'],
      summary: 'Thu phí: tiền mặt (có tiền thối), chuyển khoản hoặc thẻ (kèm mã giao dịch); được nộp một phần, không được nộp thừa; cấp biên lai có số. Gửi header Idempotency-Key để thử lại an toàn',
      params: CodeParam, body: PaymentBody,
      headers: IdempotencyKeyHeader,
      response: { 201: PaymentOut },
    },
  }, async (req, reply) => {
    if (req.body.method !== 'cash' && req.body.tendered !== undefined) throw badRequest('PAYMENT_TENDERED_NOT_CASH', 'Chỉ nhập số tiền khách đưa khi nộp bằng tiền mặt.');
    const { answer, replayed } = await idempotentReply<PaymentResult>(req, reply, { scope: `fees.payment:${req.params.code}`, status: 201 },
      (claim) => collectPayment(ctx(req.actor!), req.params.code, req.body, claim));
    return reply.send({ ...answer, replayed });
  });

  app.get('/dossiers/:code/receipts', {
    config: { access: VIEW },
    schema: {
      tags: ['fees'], summary: 'Các biên lai của hồ sơ, kể cả biên lai đã hủy', params: CodeParam,
      response: { 200: z.object({ items: z.array(ReceiptOut), paid: z.number(), voided: z.number() }) },
    },
  }, async (req) => {
    const d = await loadDossier(app.deps.db, req.params.code, req.actor!);
    const rows = await dossierReceipts(app.deps.db, d.id);
    const sum = (voided: boolean) => rows.filter((r) => (r.voided_at !== null) === voided).reduce((a, r) => a + r.amount, 0);
    return { items: rows.map(presentReceipt), paid: sum(false), voided: sum(true) };
  });
};
