// Collecting a payment: one transaction writes the services ordered with it, the payment, the numbered receipt,
// its lines and the audit row.
import type { AppConfig } from '../../../config';
import type { Clock } from '../../../platform/clock';
import type { Db, Tx } from '../../../platform/db';
import { one, withTx } from '../../../platform/db';
import { badRequest, conflict } from '../../../platform/errors';
import { NO_CLAIM, type Claim } from '../../../platform/idempotency';
import type { Actor } from '../../auth/actor';
import { vnDayString } from '../../calendar/domain';
import { allocatePayment, amountInWords, cashChange, receiptNumber, type PaymentMethod, type ScheduleItem } from '../domain';
import { computeBreakdown } from '../breakdown';
import { loadDossier, loadSchedule, resolveDepartment, type FeeDossier } from '../repo';
import { issueReceipt } from '../setup';
import { addServices, type ServiceInput } from './services';
import { assertDayOpen } from './day-lock';

export interface FeeCtx {
  db: Db;
  clock: Clock;
  actor: Actor;
  /** Which channels exist: the SMS service is sold only while SMS really goes out. */
  config?: Pick<AppConfig, 'sms' | 'zalo'>;
}

export interface CollectInput {
  method: PaymentMethod;
  amount: number;
  tendered?: number | undefined;
  reference?: string | undefined;
  services?: ServiceInput[] | undefined;
  replacesReceiptId?: string | undefined;
}

export interface PaymentResult {
  id: string;
  paymentId: string;
  receiptNumber: string;
  series: string;
  book: number;
  number: number;
  dossierCode: string;
  method: PaymentMethod;
  amount: number;
  amountInWords: string;
  tendered: number | null;
  change: number;
  reference: string | null;
  issuedAt: string;
  collector: { id: string; fullName: string };
  items: { code: string; name: string; amount: number; detail: string }[];
  paidTotal: number;
  due: number;
}

/** Statuses in which a dossier cannot be charged: not yet received, or ended without a result. */
const NOT_CHARGEABLE = ['submitted', 'needs_supplement', 'refused', 'withdrawn'];

const payerOf = (d: FeeDossier) => ({
  name: d.applicant.orgName || d.applicant.fullName,
  address: d.applicant.address ?? '',
  idNumber: d.applicant.idNumber ?? null,
  taxCode: d.applicant.taxCode ?? null,
});

export async function writeReceipt(tx: Tx, ctx: FeeCtx, d: FeeDossier, schedule: readonly ScheduleItem[], input: CollectInput, key: string | null, now: Date): Promise<PaymentResult> {
  const { actor } = ctx;
  const day = vnDayString(now);
  const change = cashChange(input.method, input.amount, input.tendered, input.reference);
  const b = await computeBreakdown(tx, d, schedule);
  const parts = allocatePayment(b.balances, input.amount);
  const departments: (string | null)[] = [];
  for (const p of parts) departments.push(p.kind === 'fee' ? await resolveDepartment(tx, d, p.departmentCode) : null);
  if (input.replacesReceiptId) {
    const old = await one(tx, 'SELECT 1 FROM fee_receipts WHERE id = $1 AND dossier_id = $2 AND voided_at IS NOT NULL', [input.replacesReceiptId, d.id]);
    if (!old) throw badRequest('FEE_REPLACES_NOT_VOIDED', 'Biên lai được thay thế phải là biên lai đã hủy của cùng hồ sơ.');
  }
  const payment = await one<{ id: string }>(tx, `INSERT INTO fee_payments (center_id, dossier_id, method, amount, tendered, change, reference,
      collector_id, at, day, idempotency_key) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
  [d.center_id, d.id, input.method, input.amount, input.method === 'cash' ? (input.tendered ?? null) : null, change,
    input.reference?.trim() || null, actor.id, now, day, key]);
  const words = amountInWords(input.amount);
  const no = await issueReceipt(tx, {
    centerId: d.center_id, paymentId: payment!.id,
    dossier: { id: d.id, code: d.code, procedureCode: d.procedure_code, procedureName: d.procedure_name, fieldCode: d.field_code },
    payer: payerOf(d), method: input.method, amount: input.amount, amountInWords: words, collector: { id: actor.id, fullName: actor.fullName },
    issuedAt: now, issuedDay: day, replacesReceiptId: input.replacesReceiptId ?? null,
    items: parts.map((p, i) => ({
      position: i + 1, line_code: p.key, kind: p.kind, name: p.name, quantity: p.quantity, unit_amount: p.unitAmount, amount: p.amount,
      line_amount: p.lineAmount, kept: departments[i] === null ? p.amount : p.kept, department_id: departments[i], legal_basis: p.legalBasis, detail: p.detail,
    })),
    audit: { dossier: d.code, method: input.method, amount: input.amount, change },
  });
  const result: PaymentResult = {
    id: no.id, paymentId: payment!.id, receiptNumber: receiptNumber(no.symbol, no.number), series: no.symbol, book: no.book, number: no.number,
    dossierCode: d.code, method: input.method, amount: input.amount, amountInWords: words,
    tendered: input.method === 'cash' ? (input.tendered ?? null) : null, change, reference: input.reference?.trim() || null,
    issuedAt: now.toISOString(), collector: { id: actor.id, fullName: actor.fullName },
    items: parts.map((p) => ({ code: p.key, name: p.name, amount: p.amount, detail: p.detail })),
    paidTotal: b.paid + input.amount, due: b.due - input.amount,
  };
  return result;
}

/**
 * Collects a payment. With an Idempotency-Key (`claim`, see src/http/idempotency.ts) the answer is stored in the
 * payment's own transaction: the receipt and the stored answer commit together, so a retry can never charge twice.
 */
export async function collectPayment(ctx: FeeCtx, code: string, input: CollectInput, claim: Claim<PaymentResult> = NO_CLAIM): Promise<PaymentResult> {
  const { db, clock, actor } = ctx;
  const first = await loadDossier(db, code, actor);
  const schedule = await loadSchedule(db, first.procedure_code);
  return withTx(db, async (tx) => {
    const now = clock.now();
    const d = await loadDossier(tx, code, actor, true);
    if (NOT_CHARGEABLE.includes(d.status)) {
      throw conflict('FEE_DOSSIER_NOT_CHARGEABLE', `Hồ sơ ${d.code} đang ở trạng thái không thu phí được (${d.status}).`);
    }
    await assertDayOpen(tx, actor.id, vnDayString(now), true);
    await addServices(tx, d, input.services ?? [], actor, now, ctx.config ?? {});
    const r = await writeReceipt(tx, ctx, d, schedule, input, claim.key, now);
    // The applicant is told (e-mail, SMS by the center's switches) once the payment is committed.
    await tx.query(`INSERT INTO outbox (topic, payload) VALUES ('fees.payment', $1)`, [JSON.stringify({
      code: d.code, centerId: d.center_id, receiptId: r.id, receiptNumber: r.receiptNumber, amount: r.amount, method: r.method })]);
    await claim.record(tx, r);
    return r;
  });
}
