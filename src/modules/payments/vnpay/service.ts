// The payment service: a signed URL for what a dossier owes, and the IPN that settles the order once. The IPN locks
// the order row, so duplicate IPNs arriving together are served one after the other: the first records, the rest
// answer 02. A paid order becomes a fee payment with its receipt, issued by the gateway's user.
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../../config';
import type { Clock } from '../../../platform/clock';
import type { Db } from '../../../platform/db';
import { one, withTx } from '../../../platform/db';
import { conflict } from '../../../platform/errors';
import type { Actor } from '../../auth/actor';
import { computeBreakdown } from '../../fees/breakdown';
import { writeReceipt } from '../../fees/commands/collect';
import { assertDayOpen } from '../../fees/commands/day-lock';
import { loadDossier, loadSchedule } from '../../fees/repo';
import { vnDayString } from '../../calendar/domain';
import { ipnDecision, IPN, paymentUrl, verify, vnpDate, type IpnAnswer, type Params } from './domain';

import { VNPAY_USER_ID } from './gateway-user';

/** The gateway's own user: the collector of online payments. */
export { VNPAY_USER_ID };
export const RETURN_PATH = '/thanh-toan/vnpay';

type VnpayDeps = { db: Db; clock: Clock; config: Pick<AppConfig, 'vnpay' | 'publicUrl'> };

const gatewayActor = (centerId: string): Actor => ({
  id: VNPAY_USER_ID, username: 'cong-vnpay', fullName: 'Cổng thanh toán VNPay', roles: [], centerId, departmentId: null, sessionId: 'vnpay-ipn',
});

/** Owed now on the dossier (the fee module's breakdown), found by code inside a center. */
export async function amountOwed(db: Db, code: string, centerId: string): Promise<number> {
  const actor = gatewayActor(centerId);
  const d = await loadDossier(db, code, actor);
  return (await computeBreakdown(db, d, await loadSchedule(db, d.procedure_code))).due;
}

/** A new order for `amount` and its signed payment URL. */
export async function createPayment(deps: VnpayDeps, dossier: { id: string; code: string; centerId: string }, amount: number, ipAddr: string): Promise<{ url: string; txnRef: string }> {
  const v = deps.config.vnpay;
  if (!v || !deps.config.publicUrl) throw conflict('VNPAY_NOT_CONFIGURED', 'Trung tâm chưa mở thanh toán trực tuyến qua VNPay.');
  if (amount <= 0) throw conflict('NOTHING_OWED', `Hồ sơ ${dossier.code} không còn khoản phí, lệ phí nào phải nộp.`);
  const now = deps.clock.now();
  // Unique for ever, not only within the day VNPay asks for: the GMT+7 time plus 8 random hex digits.
  const txnRef = `${vnpDate(now)}${randomBytes(4).toString('hex').toUpperCase()}`;
  await deps.db.query('INSERT INTO vnpay_orders (txn_ref, center_id, dossier_id, amount, created_at) VALUES ($1,$2,$3,$4,$5)',
    [txnRef, dossier.centerId, dossier.id, amount, now]);
  const url = paymentUrl({
    tmnCode: v.tmnCode, secret: v.hashSecret, gatewayUrl: v.url, returnUrl: `${deps.config.publicUrl}${RETURN_PATH}`,
    txnRef, amount, info: `Thanh toan phi le phi ho so ${dossier.code}`, ipAddr, now,
  });
  return { url, txnRef };
}

interface OrderRow { txn_ref: string; center_id: string; dossier_id: string; amount: string; status: 'pending' | 'paid' | 'failed'; code: string }

/** Handles one IPN call; never throws: any failure answers 99 and rolls back, so VNPay retries. */
export async function handleIpn(deps: VnpayDeps, params: Params, log?: (e: unknown) => void): Promise<IpnAnswer> {
  const v = deps.config.vnpay;
  if (!v) return IPN.error;
  try {
    return await withTx(deps.db, async (tx) => {
      const ref = params.vnp_TxnRef ?? '';
      const row = await one<OrderRow>(tx, `SELECT o.*, d.code FROM vnpay_orders o JOIN dossiers d ON d.id = o.dossier_id
        WHERE o.txn_ref = $1 FOR UPDATE OF o`, [ref]);
      const decision = ipnDecision(params, v.hashSecret, row ? { amount: Number(row.amount), status: row.status } : null);
      if (!decision.outcome || !row) return decision.answer;
      const now = deps.clock.now();
      let paymentId: string | null = null;
      if (decision.outcome === 'paid') {
        const actor = gatewayActor(row.center_id);
        // Inactive with an unusable hash: no one can sign in as the gateway.
        await tx.query(`INSERT INTO users (id, username, full_name, password_hash, active) VALUES ($1, 'cong-vnpay', $2, '!', false)
          ON CONFLICT DO NOTHING`, [VNPAY_USER_ID, actor.fullName]);
        const d = await loadDossier(tx, row.code, actor, true);
        await assertDayOpen(tx, actor.id, vnDayString(now), true);
        const r = await writeReceipt(tx, { db: deps.db, clock: deps.clock, actor }, d, await loadSchedule(deps.db, d.procedure_code),
          { method: 'vnpay', amount: Number(row.amount), reference: `VNPay ${params.vnp_TransactionNo ?? ''} / ${ref}`.trim() }, null, now);
        paymentId = r.paymentId;
        await tx.query(`INSERT INTO outbox (topic, payload) VALUES ('fees.payment', $1)`, [JSON.stringify({
          code: d.code, centerId: d.center_id, receiptId: r.id, receiptNumber: r.receiptNumber, amount: r.amount, method: r.method })]);
      }
      await tx.query(`UPDATE vnpay_orders SET status = $2, settled_at = $3, response_code = $4, transaction_no = $5, bank_code = $6, payment_id = $7
        WHERE txn_ref = $1`, [ref, decision.outcome, now, params.vnp_ResponseCode ?? null, params.vnp_TransactionNo ?? null, params.vnp_BankCode ?? null, paymentId]);
      return decision.answer;
    });
  } catch (e) {
    log?.(e);
    return IPN.error;
  }
}

/** What the return page shows: the signature checked, and the order's state as the IPN recorded it. */
export async function returnResult(deps: VnpayDeps, params: Params): Promise<{ valid: boolean; status: 'paid' | 'failed' | 'pending' | 'unknown'; dossierCode: string | null; amount: number | null }> {
  const v = deps.config.vnpay;
  if (!v || !verify(params, v.hashSecret)) return { valid: false, status: 'unknown', dossierCode: null, amount: null };
  const row = await one<{ status: 'paid' | 'failed' | 'pending'; code: string; amount: string }>(deps.db,
    'SELECT o.status, d.code, o.amount FROM vnpay_orders o JOIN dossiers d ON d.id = o.dossier_id WHERE o.txn_ref = $1', [params.vnp_TxnRef ?? '']);
  if (!row) return { valid: true, status: 'unknown', dossierCode: null, amount: null };
  return { valid: true, status: row.status, dossierCode: row.code, amount: Number(row.amount) };
}
