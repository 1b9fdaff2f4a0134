// Receipts: reading one (scoped to the caller's center), listing a dossier's receipts (voided ones included) and
// voiding one. A receipt is never edited or deleted: voiding stamps it with who, when and why, and its payment
// stops counting as paid; a correction is a new payment with a new number.
import { audit } from '../../../platform/audit';
import type { Queryable } from '../../../platform/db';
import { many, one, withTx } from '../../../platform/db';
import { conflict, notFound } from '../../../platform/errors';
import { vnDayString } from '../../calendar/domain';
import { receiptNumber, type PaymentMethod } from '../domain';
import { canSeeCenter } from '../repo';
import { assertDayOpen } from './day-lock';
import type { FeeCtx } from './collect';

export interface ReceiptRow {
  id: string; center_id: string; center_name: string; center_address: string; symbol: string; form_number: string; book: number; number: number;
  dossier_code: string; procedure_code: string; procedure_name: string; payer: { name: string; address: string; idNumber: string | null; taxCode: string | null };
  method: PaymentMethod; amount: number; amount_in_words: string; tendered: number | null; change: number; reference: string | null;
  collector_id: string; collector_name: string; issued_at: Date; voided_at: Date | null; void_reason: string | null; voided_by_name: string | null;
  replaces_receipt_id: string | null; transfer_batch_id: string | null;
  items: { position: number; code: string; kind: string; name: string; quantity: number; unitAmount: number; amount: number; lineAmount: number; legalBasis: string; detail: string }[];
}

const SELECT = `SELECT r.id, r.center_id, c.name AS center_name, c.address AS center_address, r.symbol, r.form_number, r.book, r.number, r.dossier_code,
    r.procedure_code, r.procedure_name, r.payer, r.method, r.amount, r.amount_in_words, p.tendered, p.change, p.reference, r.collector_id,
    r.collector_name, r.issued_at, r.voided_at, r.void_reason, v.full_name AS voided_by_name, r.replaces_receipt_id, r.transfer_batch_id,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('position', i.position, 'code', i.line_code, 'kind', i.kind, 'name', i.name,
       'quantity', i.quantity, 'unitAmount', i.unit_amount, 'amount', i.amount, 'lineAmount', i.line_amount, 'legalBasis', i.legal_basis, 'detail', i.detail) ORDER BY i.position), '[]')
       FROM fee_receipt_items i WHERE i.receipt_id = r.id) AS items
  FROM fee_receipts r JOIN fee_payments p ON p.id = r.payment_id JOIN centers c ON c.id = r.center_id LEFT JOIN users v ON v.id = r.voided_by`;

export async function loadReceipt(q: Queryable, id: string, ctx: Pick<FeeCtx, 'actor'>): Promise<ReceiptRow> {
  const r = await one<ReceiptRow>(q, `${SELECT} WHERE r.id = $1`, [id]);
  if (!r || !canSeeCenter(ctx.actor, r.center_id)) throw notFound('biên lai');
  return r;
}

export async function dossierReceipts(q: Queryable, dossierId: string): Promise<ReceiptRow[]> {
  return many<ReceiptRow>(q, `${SELECT} WHERE r.dossier_id = $1 ORDER BY r.issued_at, r.number`, [dossierId]);
}

export function presentReceipt(r: ReceiptRow) {
  return {
    id: r.id,
    receiptNumber: receiptNumber(r.symbol, r.number),
    series: r.symbol,
    formNumber: r.form_number,
    book: r.book,
    number: r.number,
    dossierCode: r.dossier_code,
    procedure: { code: r.procedure_code, name: r.procedure_name },
    payer: r.payer,
    method: r.method,
    amount: r.amount,
    amountInWords: r.amount_in_words,
    tendered: r.tendered,
    change: r.change,
    reference: r.reference,
    collector: { id: r.collector_id, fullName: r.collector_name },
    issuedAt: r.issued_at.toISOString(),
    status: r.voided_at ? ('voided' as const) : ('valid' as const),
    voidedAt: r.voided_at?.toISOString() ?? null,
    voidReason: r.void_reason,
    voidedBy: r.voided_by_name,
    replacesReceiptId: r.replaces_receipt_id,
    transferBatchId: r.transfer_batch_id,
    items: r.items.map((i) => ({ code: i.code, kind: i.kind, name: i.name, quantity: i.quantity, unitAmount: i.unitAmount, amount: i.amount, lineAmount: i.lineAmount, legalBasis: i.legalBasis, detail: i.detail })),
  };
}

/** Voids a receipt with a reason (supervisor roles only, checked by the route). */
export async function voidReceipt(ctx: FeeCtx, id: string, reason: string): Promise<ReceiptRow> {
  const { db, clock, actor } = ctx;
  await loadReceipt(db, id, ctx);
  await withTx(db, async (tx) => {
    const now = clock.now();
    const current = await one<{ collector_id: string; center_id: string; voided_at: Date | null; transfer_batch_id: string | null; dossier_code: string; symbol: string; number: number; amount: number }>(tx,
      'SELECT collector_id, center_id, voided_at, transfer_batch_id, dossier_code, symbol, number, amount FROM fee_receipts WHERE id = $1 FOR UPDATE', [id]);
    if (!current) throw notFound('biên lai');
    if (current.voided_at) throw conflict('FEE_RECEIPT_ALREADY_VOIDED', `Biên lai ${receiptNumber(current.symbol, current.number)} đã bị hủy trước đó.`);
    if (current.transfer_batch_id) {
      throw conflict('FEE_RECEIPT_TRANSFERRED', `Biên lai ${receiptNumber(current.symbol, current.number)} đã nằm trong một đợt chuyển tiền cho phòng chuyên môn, không hủy được.`);
    }
    const day = vnDayString(now);
    await assertDayOpen(tx, current.collector_id, day, true);
    const done = await one(tx, `UPDATE fee_receipts SET voided_at = $2, voided_day = $3, void_reason = $4, voided_by = $5
      WHERE id = $1 AND voided_at IS NULL AND transfer_batch_id IS NULL RETURNING id`, [id, now, day, reason, actor.id]);
    if (!done) throw conflict('FEE_RECEIPT_ALREADY_VOIDED', 'Biên lai đã thay đổi, vui lòng tải lại.');
    await audit(tx, { actorId: actor.id, centerId: current.center_id, action: 'fees.receipt.void', entity: 'receipt', entityId: id,
      data: { dossier: current.dossier_code, receiptNumber: receiptNumber(current.symbol, current.number), amount: current.amount, reason } }, now);
  });
  return loadReceipt(db, id, ctx);
}
