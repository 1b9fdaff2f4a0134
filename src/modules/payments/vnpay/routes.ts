import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CITIZEN, PUBLIC } from '../../../http/access';
import { limitOf } from '../../../http/rate-limits';
import { ownDossier } from '../../citizens/routes';
import { findPublicDossier } from '../../dossiers/routes/public';
import { PaymentOffer, paymentOffer } from '../offer';
import { amountOwed, createPayment, handleIpn, returnResult } from './service';

const Proof = z.object({
  verifier: z.string().trim().regex(/^\d{4}$/, '4 số cuối điện thoại hoặc CCCD gồm đúng 4 chữ số').optional(),
  t: z.string().max(64).optional(),
});
// The fields VNPay sends to the IPN and the return URL; others it may add pass through and are signed over too.
const FIELDS = ['vnp_Amount', 'vnp_BankCode', 'vnp_BankTranNo', 'vnp_CardType', 'vnp_OrderInfo', 'vnp_PayDate', 'vnp_ResponseCode', 'vnp_TmnCode',
  'vnp_TransactionNo', 'vnp_TransactionStatus', 'vnp_TxnRef', 'vnp_SecureHash'] as const;
const VnpQuery = z.object(Object.fromEntries(FIELDS.map((f) => [f, z.string().max(512).optional()])) as Record<(typeof FIELDS)[number], z.ZodOptional<z.ZodString>>).passthrough();
/** Only single string values take part in the signature: a repeated field cannot be smuggled in. */
const params = (q: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string'));

export const vnpayRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock, config: app.deps.config });

  app.post('/public/dossiers/:code/payments/vnpay', {
    config: { access: PUBLIC, rateLimit: limitOf(app.deps.config, 'publicPost') },
    schema: {
      tags: ['payments'],
      summary: 'Tạo đường dẫn thanh toán VNPay cho số tiền hồ sơ còn phải nộp (cần mã t trong QR của phiếu hoặc 4 số cuối điện thoại/CCCD)',
      params: z.object({ code: z.string().min(5).max(60) }),
      body: Proof,
      response: { 200: z.object({ url: z.string() }) },
    },
  }, async (req, reply) => {
    const d = await findPublicDossier(app.deps.db, req.params.code, req.body);
    const amount = await amountOwed(app.deps.db, d.code, d.center_id);
    const { url } = await createPayment(deps(), { id: d.id, code: d.code, centerId: d.center_id }, amount, req.ip);
    reply.header('cache-control', 'no-store');
    return { url };
  });

  // What the public page needs to offer payment: the amount still owed, whether VNPay is set up, the VietQR transfer.
  app.get('/public/dossiers/:code/payments', {
    config: { access: PUBLIC, rateLimit: limitOf(app.deps.config, 'lookup') },
    schema: {
      tags: ['payments'], summary: 'Số tiền hồ sơ còn phải nộp, có thanh toán VNPay hay không và mã VietQR chuyển khoản đúng số tiền đó (cần mã t hoặc 4 số xác minh)',
      params: z.object({ code: z.string().min(5).max(60) }),
      querystring: Proof,
      response: { 200: PaymentOffer },
    },
  }, async (req, reply) => {
    const d = await findPublicDossier(app.deps.db, req.params.code, req.query);
    reply.header('cache-control', 'no-store');
    return paymentOffer(app.deps, d);
  });

  // The signed-in citizen's own dossiers (the same ownership as "Hồ sơ của tôi"): another's answers 404.
  app.get('/citizen/dossiers/:code/payments', {
    config: { access: CITIZEN },
    schema: {
      tags: ['citizen'], summary: 'Hồ sơ của tôi: số tiền còn phải nộp, thanh toán VNPay và mã VietQR chuyển khoản đúng số tiền đó',
      params: z.object({ code: z.string().min(5).max(60) }),
      response: { 200: PaymentOffer },
    },
  }, async (req, reply) => {
    const d = await ownDossier(app.deps.db, req.citizen!, req.params.code);
    reply.header('cache-control', 'no-store');
    return paymentOffer(app.deps, d);
  });

  app.post('/citizen/dossiers/:code/payments/vnpay', {
    config: { access: CITIZEN, rateLimit: limitOf(app.deps.config, 'publicPost') },
    schema: {
      tags: ['citizen'], summary: 'Hồ sơ của tôi: tạo đường dẫn thanh toán VNPay cho số tiền còn phải nộp',
      params: z.object({ code: z.string().min(5).max(60) }),
      response: { 200: z.object({ url: z.string() }) },
    },
  }, async (req, reply) => {
    const d = await ownDossier(app.deps.db, req.citizen!, req.params.code);
    const amount = await amountOwed(app.deps.db, d.code, d.center_id);
    const { url } = await createPayment(deps(), { id: d.id, code: d.code, centerId: d.center_id }, amount, req.ip);
    reply.header('cache-control', 'no-store');
    return { url };
  });

  // VNPay's server-to-server call: the signature is the access check; the answer is always 200 with its RspCode.
  app.get('/payments/vnpay/ipn', {
    config: { access: PUBLIC, rateLimit: limitOf(app.deps.config, 'gateway') },
    schema: {
      tags: ['payments'], summary: 'IPN của VNPay: ghi nhận kết quả thanh toán (kiểm tra chữ ký, đơn hàng, số tiền)',
      querystring: VnpQuery,
      response: { 200: z.object({ RspCode: z.string(), Message: z.string() }) },
    },
  }, async (req) => handleIpn(deps(), params(req.query), (e) => req.log.error({ err: e }, 'vnpay ipn failed')));

  app.get('/public/payments/vnpay/return', {
    config: { access: PUBLIC, rateLimit: limitOf(app.deps.config, 'lookup') },
    schema: {
      tags: ['payments'], summary: 'Kết quả thanh toán VNPay cho trang trở về (chữ ký được kiểm tra; trạng thái lấy từ IPN đã ghi)',
      querystring: VnpQuery,
      response: { 200: z.object({ valid: z.boolean(), status: z.enum(['paid', 'failed', 'pending', 'unknown']), dossierCode: z.string().nullable(), amount: z.number().nullable() }) },
    },
  }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return returnResult(deps(), params(req.query));
  });
};
