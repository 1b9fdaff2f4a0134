// Refunds (issue 13 item 1): paying back the fees of a dossier that ended without a result. One transaction takes
// the dossier's row lock (so two refunds of one dossier queue and the second sees the first), checks the amount
// against the receipts in force, numbers the refund slip in the year's HP series, and writes the audit row; the
// refund is a negative entry of the refunder's cash book of the day (cashbook.ts), refused once that day is closed.
import { audit } from '../../../platform/audit';
import type { Queryable } from '../../../platform/db';
import { many, one, withTx } from '../../../platform/db';
import { AppError, badRequest, notFound } from '../../../platform/errors';
import { NO_CLAIM, type Claim } from '../../../platform/idempotency';
import { vnDayString } from '../../calendar/domain';
import { amountInWords, formatVnd, PAYMENT_METHOD_LABELS, receiptNumber, refundableAmount, refundBlock, refundSeriesSymbol } from '../domain';
import { cashbookOf } from '../cashbook';
import { loadDossier, type FeeDossier } from '../repo';
import { assertDayOpen } from './day-lock';
import type { RefundPrint } from '../refund-pdf';
import type { FeeCtx } from './collect';

export type RefundMethod = 'cash' | 'transfer';

export interface RefundInput {
  amount: number;
  reason: string;
  method: RefundMethod;
}

export interface Refund {
  id: string;
  refundNumber: string;
  series: string;
  number: number;
  dossierCode: string;
  method: RefundMethod;
  amount: number;
  amountInWords: string;
  reason: string;
  payee: { name: string; address: string; idNumber: string | null };
  by: string;
  at: string;
}

export interface RefundStandingOut {
  status: string;
  paid: number;
  refunded: number;
  refundable: number;
  /** Why nothing can be refunded now (null when a refund may be made). */
  blocked: string | null;
  items: Refund[];
}

interface RefundRow {
  id: string; symbol: string; number: number; dossier_code: string; method: RefundMethod; amount: number; amount_in_words: string; reason: string;
  payee: Refund['payee']; refunded_by_name: string; refunded_at: Date;
}

const present = (r: RefundRow): Refund => ({
  id: r.id, refundNumber: receiptNumber(r.symbol, r.number), series: r.symbol, number: r.number, dossierCode: r.dossier_code, method: r.method,
  amount: r.amount, amountInWords: r.amount_in_words, reason: r.reason, payee: r.payee, by: r.refunded_by_name, at: r.refunded_at.toISOString(),
});

const SELECT = `SELECT id, symbol, number, dossier_code, method, amount, amount_in_words, reason, payee, refunded_by_name, refunded_at FROM fee_refunds`;

async function sums(q: Queryable, dossierId: string) {
  const r = await one<{ paid: number; refunded: number }>(q, `SELECT
      (SELECT coalesce(sum(amount), 0) FROM fee_receipts WHERE dossier_id = $1 AND voided_at IS NULL)::bigint AS paid,
      (SELECT coalesce(sum(amount), 0) FROM fee_refunds WHERE dossier_id = $1)::bigint AS refunded`, [dossierId]);
  return r!;
}

export async function refundStanding(q: Queryable, d: FeeDossier): Promise<RefundStandingOut> {
  const { paid, refunded } = await sums(q, d.id);
  const s = { status: d.status, paid, refunded };
  const items = (await many<RefundRow>(q, `${SELECT} WHERE dossier_id = $1 ORDER BY refunded_at, number`, [d.id])).map(present);
  return { status: d.status, paid, refunded, refundable: refundableAmount(s), blocked: refundBlock(s)?.message ?? null, items };
}

/** Pays back part or all of what a refused or withdrawn dossier paid. With an Idempotency-Key a retry gets the first refund. */
export async function refundFees(ctx: FeeCtx, code: string, input: RefundInput, claim: Claim<Refund> = NO_CLAIM): Promise<Refund> {
  const { db, clock, actor } = ctx;
  const reason = input.reason.trim();
  if (reason.length < 10) throw badRequest('FEE_REFUND_REASON', 'Ghi rõ lý do hoàn trả (ít nhất 10 ký tự).');
  await loadDossier(db, code, actor);
  return withTx(db, async (tx) => {
    const now = clock.now();
    const day = vnDayString(now);
    const d = await loadDossier(tx, code, actor, true);
    const { paid, refunded } = await sums(tx, d.id);
    const block = refundBlock({ status: d.status, paid, refunded }, input.amount);
    if (block) throw new AppError(block.status, block.code, block.message, { paid, refunded });
    await assertDayOpen(tx, actor.id, day, true);
    // The money comes out of what the refunder holds today by that method: never below zero, or the day could not close.
    const held = (await cashbookOf(tx, d.center_id, { id: actor.id, username: actor.username, fullName: actor.fullName }, day)).figures.lines.find((l) => l.method === input.method)?.closing ?? 0;
    if (input.amount > held) {
      throw new AppError(409, 'FEE_REFUND_NOT_HELD', `Sổ quỹ hôm nay của bạn chỉ còn ${formatVnd(Math.max(0, held))} (${PAYMENT_METHOD_LABELS[input.method].toLowerCase()}): không đủ để hoàn ${formatVnd(input.amount)}. Nhận tiền từ quỹ của Trung tâm trước, hoặc để người đang giữ tiền hoàn trả.`, { held });
    }
    const year = Number(day.slice(0, 4));
    const symbol = refundSeriesSymbol(year);
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`fee_refunds:${d.center_id}:${symbol}`]);
    const next = await one<{ n: number }>(tx, 'SELECT coalesce(max(number), 0)::int + 1 AS n FROM fee_refunds WHERE center_id = $1 AND symbol = $2', [d.center_id, symbol]);
    const payee = { name: d.applicant.orgName || d.applicant.fullName, address: d.applicant.address ?? '', idNumber: d.applicant.idNumber ?? null };
    const row = await one<RefundRow>(tx, `INSERT INTO fee_refunds (center_id, dossier_id, dossier_code, symbol, number, method, amount, amount_in_words, reason,
        payee, refunded_by, refunded_by_name, refunded_at, refunded_day) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)
      RETURNING id, symbol, number, dossier_code, method, amount, amount_in_words, reason, payee, refunded_by_name, refunded_at`,
    [d.center_id, d.id, d.code, symbol, next!.n, input.method, input.amount, amountInWords(input.amount), reason, JSON.stringify(payee),
      actor.id, actor.fullName, now, day]);
    const out = present(row!);
    await audit(tx, { actorId: actor.id, centerId: d.center_id, action: 'fees.refund.create', entity: 'dossier', entityId: d.code,
      data: { refundNumber: out.refundNumber, amount: input.amount, method: input.method, reason, paid, refundedBefore: refunded } }, now);
    await claim.record(tx, out);
    return out;
  });
}

/** The refunds a collector paid out on `day` (cash book entries). */
export async function refundsOfDay(q: Queryable, collectorId: string, day: string): Promise<Refund[]> {
  return (await many<RefundRow>(q, `${SELECT} WHERE refunded_by = $1 AND refunded_day = $2 ORDER BY refunded_at, number`, [collectorId, day])).map(present);
}

/** One refund of the dossier, with what its slip prints; 404 when the dossier has no such refund. */
export async function refundForPrint(q: Queryable, d: FeeDossier, id: string): Promise<RefundPrint> {
  const row = await one<RefundRow>(q, `${SELECT} WHERE dossier_id = $1 AND id = $2`, [d.id, id]);
  if (!row) throw notFound('phiếu hoàn trả');
  const receipts = await many<{ symbol: string; number: number }>(q,
    'SELECT symbol, number FROM fee_receipts WHERE dossier_id = $1 AND voided_at IS NULL ORDER BY issued_at, number', [d.id]);
  const r = present(row);
  return {
    refundNumber: r.refundNumber, dossierCode: r.dossierCode, method: r.method, amount: r.amount, amountInWords: r.amountInWords, reason: r.reason,
    payee: r.payee, by: r.by, at: row.refunded_at, centerName: d.center_name, procedureCode: d.procedure_code, procedureName: d.procedure_name,
    receipts: receipts.map((x) => receiptNumber(x.symbol, x.number)),
  };
}
