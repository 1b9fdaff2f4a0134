// The collector's daily cash book (sổ quỹ): opening balance, receipts and voids of the day, hand-over and closing
// balance by payment method. An open day is computed from the receipts; closing stores the figures, signed off by
// a supervisor role, and from then on the day takes no more receipts or voids.
// Online payments (VNPay) are collected by the gateway's own user, who belongs to no center: its book is read per
// center (every figure below is of the center's receipts only) and is never closed, since the money goes straight to
// the center's bank account and is checked against the bank statement, not handed over.
import { audit } from '../../platform/audit';
import type { Db, Queryable } from '../../platform/db';
import { many, one, withTx } from '../../platform/db';
import { badRequest, conflict } from '../../platform/errors';
import type { Actor } from '../auth/actor';
import { cashbookFigures, PAYMENT_METHODS, receiptNumber, zeroByMethod, type ByMethod, type CashbookFigures, type PaymentMethod } from './domain';
import { lockDay } from './commands/day-lock';
import { refundsOfDay } from './commands/refunds';
import { VNPAY_USER_ID } from '../payments/vnpay/gateway-user';

export interface CashbookEntry {
  kind: 'receipt' | 'void' | 'refund';
  receiptId: string;
  receiptNumber: string;
  dossierCode: string;
  payer: string;
  method: PaymentMethod;
  amount: number;
  at: string;
  reason: string | null;
}

export interface Cashbook {
  day: string;
  collector: { id: string; username: string; fullName: string };
  status: 'open' | 'closed';
  /** The VNPay gateway's book (online payments): never closed by hand. */
  online: boolean;
  closedAt: string | null;
  signedOffBy: string | null;
  receiptCount: number;
  voidCount: number;
  figures: CashbookFigures;
  entries: CashbookEntry[];
}

const byMethod = (rows: { method: PaymentMethod; amount: number }[]): ByMethod => {
  const out = zeroByMethod();
  for (const r of rows) out[r.method] += r.amount;
  return out;
};

async function sums(q: Queryable, collectorId: string, sql: string, day: string, centerId: string) {
  return byMethod(await many<{ method: PaymentMethod; amount: number }>(q, sql, [collectorId, day, centerId]));
}

/** The figures of an open day, computed from receipts, voids and earlier hand-overs. */
async function liveFigures(q: Queryable, collectorId: string, centerId: string, day: string, handedOver: ByMethod = zeroByMethod()): Promise<CashbookFigures> {
  const before = await sums(q, collectorId, `SELECT method, sum(amount)::bigint AS amount FROM fee_receipts WHERE collector_id = $1 AND issued_day < $2 AND center_id = $3 GROUP BY method`, day, centerId);
  const voidedBefore = await sums(q, collectorId, `SELECT method, sum(amount)::bigint AS amount FROM fee_receipts WHERE collector_id = $1 AND voided_day < $2 AND center_id = $3 GROUP BY method`, day, centerId);
  const handed = await sums(q, collectorId, `SELECT l.method, sum(l.handed_over)::bigint AS amount FROM fee_cashbook_lines l JOIN fee_cashbooks b ON b.id = l.cashbook_id
    WHERE b.collector_id = $1 AND b.day < $2 AND b.center_id = $3 GROUP BY l.method`, day, centerId);
  const refundedBefore = await sums(q, collectorId, `SELECT method, sum(amount)::bigint AS amount FROM fee_refunds WHERE refunded_by = $1 AND refunded_day < $2 AND center_id = $3 GROUP BY method`, day, centerId);
  const opening = zeroByMethod();
  for (const m of PAYMENT_METHODS) opening[m] = before[m] - voidedBefore[m] - refundedBefore[m] - handed[m];
  const receipts = await sums(q, collectorId, `SELECT method, sum(amount)::bigint AS amount FROM fee_receipts WHERE collector_id = $1 AND issued_day = $2 AND center_id = $3 GROUP BY method`, day, centerId);
  const voids = await sums(q, collectorId, `SELECT method, sum(amount)::bigint AS amount FROM fee_receipts WHERE collector_id = $1 AND voided_day = $2 AND center_id = $3 GROUP BY method`, day, centerId);
  const refunds = await sums(q, collectorId, `SELECT method, sum(amount)::bigint AS amount FROM fee_refunds WHERE refunded_by = $1 AND refunded_day = $2 AND center_id = $3 GROUP BY method`, day, centerId);
  return cashbookFigures(opening, receipts, voids, handedOver, refunds);
}

async function entries(q: Queryable, collectorId: string, centerId: string, day: string): Promise<CashbookEntry[]> {
  const rows = await many<{ id: string; symbol: string; number: number; dossier_code: string; payer: { name: string }; method: PaymentMethod; amount: number;
    issued_at: Date; issued_day: string; voided_at: Date | null; voided_day: string | null; void_reason: string | null }>(q,
    `SELECT id, symbol, number, dossier_code, payer, method, amount, issued_at, issued_day, voided_at, voided_day, void_reason FROM fee_receipts
      WHERE collector_id = $1 AND center_id = $3 AND (issued_day = $2 OR voided_day = $2) ORDER BY issued_at, number`, [collectorId, day, centerId]);
  const out: CashbookEntry[] = [];
  const base = (r: (typeof rows)[number]) => ({ receiptId: r.id, receiptNumber: receiptNumber(r.symbol, r.number), dossierCode: r.dossier_code, payer: r.payer.name, method: r.method, amount: r.amount });
  for (const r of rows) {
    if (r.issued_day === day) out.push({ kind: 'receipt', ...base(r), at: r.issued_at.toISOString(), reason: null });
    if (r.voided_day === day) out.push({ kind: 'void', ...base(r), at: r.voided_at!.toISOString(), reason: r.void_reason });
  }
  // A refund is money out, with its own slip number ("HP-26/0000001"), the applicant it was paid to and the reason.
  for (const f of await refundsOfDay(q, collectorId, day)) {
    out.push({ kind: 'refund', receiptId: f.id, receiptNumber: f.refundNumber, dossierCode: f.dossierCode, payer: f.payee.name, method: f.method, amount: f.amount, at: f.at, reason: f.reason });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

/** One collector's day: the stored figures of a closed day, the live ones of an open day. */
export async function cashbookOf(q: Queryable, centerId: string, collector: Cashbook['collector'], day: string): Promise<Cashbook> {
  const closed = await one<{ id: string; closed_at: Date; signer: string; receipt_count: number; void_count: number }>(q,
    `SELECT b.id, b.closed_at, u.full_name AS signer, b.receipt_count, b.void_count FROM fee_cashbooks b JOIN users u ON u.id = b.signed_off_by
      WHERE b.collector_id = $1 AND b.day = $2 AND b.center_id = $3`, [collector.id, day, centerId]);
  const list = await entries(q, collector.id, centerId, day);
  let figures: CashbookFigures;
  if (closed) {
    const lines = await many<{ method: PaymentMethod; opening: number; receipts: number; voids: number; refunds: number; handed_over: number }>(q,
      'SELECT method, opening, receipts, voids, refunds, handed_over FROM fee_cashbook_lines WHERE cashbook_id = $1', [closed.id]);
    const pick = (k: 'opening' | 'receipts' | 'voids' | 'refunds' | 'handed_over') => byMethod(lines.map((l) => ({ method: l.method, amount: l[k] })));
    figures = cashbookFigures(pick('opening'), pick('receipts'), pick('voids'), pick('handed_over'), pick('refunds'));
  } else {
    figures = await liveFigures(q, collector.id, centerId, day);
  }
  return {
    day, collector, status: closed ? 'closed' : 'open', online: isOnlineCollector(collector.id), closedAt: closed?.closed_at.toISOString() ?? null, signedOffBy: closed?.signer ?? null,
    receiptCount: closed?.receipt_count ?? list.filter((e) => e.kind === 'receipt').length,
    voidCount: closed?.void_count ?? list.filter((e) => e.kind === 'void').length,
    figures, entries: list,
  };
}

/** Collectors of a center: fee collectors, and anyone who issued a receipt there on `day`, the VNPay gateway included. */
export async function collectorsOf(q: Queryable, centerId: string, day: string): Promise<Cashbook['collector'][]> {
  return many(q, `SELECT id, username, full_name AS "fullName" FROM users u WHERE (u.center_id = $1 AND 'fee_collector' = ANY(u.roles))
      OR EXISTS (SELECT 1 FROM fee_receipts r WHERE r.collector_id = u.id AND r.center_id = $1 AND (r.issued_day = $2 OR r.voided_day = $2))
    ORDER BY u.id = $3, username`, [centerId, day, VNPAY_USER_ID]);
}

/** A collector of the center by id or user name: its staff, or the VNPay gateway once it collected there. */
export async function findCollector(q: Queryable, centerId: string, idOrUsername: string): Promise<Cashbook['collector'] | undefined> {
  const isId = /^[0-9a-f-]{36}$/i.test(idOrUsername);
  return one(q, `SELECT id, username, full_name AS "fullName" FROM users u WHERE ${isId ? 'id = $2::uuid' : 'lower(username) = lower($2)'}
    AND (center_id = $1 OR (id = $3 AND EXISTS (SELECT 1 FROM fee_receipts r WHERE r.collector_id = u.id AND r.center_id = $1)))`, [centerId, idOrUsername, VNPAY_USER_ID]);
}

/** The gateway's book of online payments: read per center, never closed. */
export const isOnlineCollector = (collectorId: string): boolean => collectorId === VNPAY_USER_ID;

/** Closes and signs off a collector's day. `handedOver` is what the collector handed to the treasury, by method. */
export async function closeDay(db: Db, actor: Actor, centerId: string, collector: Cashbook['collector'], day: string, today: string,
  handedOver: Partial<ByMethod>, note: string, now: Date): Promise<Cashbook> {
  if (day > today) throw badRequest('FEE_CASHBOOK_FUTURE', 'Không khóa sổ quỹ của một ngày chưa đến.');
  if (isOnlineCollector(collector.id)) {
    throw conflict('FEE_CASHBOOK_ONLINE', 'Sổ thanh toán trực tuyến (VNPay) không khóa sổ: tiền về thẳng tài khoản của Trung tâm, đối chiếu theo sao kê ngân hàng.');
  }
  await withTx(db, async (tx) => {
    await lockDay(tx, collector.id, day, false);
    if (await one(tx, 'SELECT 1 FROM fee_cashbooks WHERE collector_id = $1 AND day = $2', [collector.id, day])) {
      throw conflict('FEE_CASHBOOK_ALREADY_CLOSED', `Sổ quỹ ngày ${day.split('-').reverse().join('/')} của ${collector.fullName} đã khóa.`);
    }
    const handed = { ...zeroByMethod(), ...handedOver };
    const f = await liveFigures(tx, collector.id, centerId, day, handed);
    const short = f.lines.find((l) => l.closing < 0);
    if (short) throw badRequest('FEE_CASHBOOK_HANDOVER_TOO_HIGH', 'Số tiền nộp quỹ lớn hơn số tiền đang giữ.');
    const list = await entries(tx, collector.id, centerId, day);
    const book = await one<{ id: string }>(tx, `INSERT INTO fee_cashbooks (center_id, collector_id, day, receipt_count, void_count, note, closed_at, signed_off_by)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`,
    [centerId, collector.id, day, list.filter((e) => e.kind === 'receipt').length, list.filter((e) => e.kind === 'void').length, note, now, actor.id]);
    for (const l of f.lines) {
      await tx.query(`INSERT INTO fee_cashbook_lines (cashbook_id, method, opening, receipts, voids, refunds, handed_over, closing) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [book!.id, l.method, l.opening, l.receipts, l.voids, l.refunds, l.handedOver, l.closing]);
    }
    await audit(tx, { actorId: actor.id, centerId, action: 'fees.cashbook.close', entity: 'fee_cashbook', entityId: book!.id,
      data: { collector: collector.username, day, total: f.total } }, now);
  });
  return cashbookOf(db, centerId, collector, day);
}
