// Transfers of collected money to the departments: a batch takes every receipt of a period that is in force and
// in no batch yet, and owes each department what its lines collected minus the center's share. Confirming records
// the bank transfer. The reconciliation proves collected = transferred + kept + pending to the đồng, each figure
// summed from its own source, and cross-checks payments, receipts, receipt lines and batch lines.
import { audit } from '../../platform/audit';
import type { Db, Queryable } from '../../platform/db';
import { many, one, withTx } from '../../platform/db';
import { badRequest, conflict, notFound } from '../../platform/errors';
import type { Actor } from '../auth/actor';
import { reconcile, type Reconciliation } from './domain';

export interface BatchLine { departmentId: string; departmentName: string; receipts: number; collected: number; kept: number; amount: number; account: Record<string, string> | null }
export interface Batch {
  id: string; periodFrom: string; periodTo: string; status: 'created' | 'confirmed'; note: string; createdAt: string; confirmedAt: string | null;
  bankReference: string | null; lines: BatchLine[]; total: { receipts: number; collected: number; kept: number; amount: number };
}

export async function loadBatch(q: Queryable, centerId: string, id: string): Promise<Batch> {
  const b = await one<{ id: string; period_from: string; period_to: string; status: Batch['status']; note: string; created_at: Date; confirmed_at: Date | null; bank_reference: string | null }>(q,
    'SELECT * FROM fee_transfer_batches WHERE id = $1 AND center_id = $2', [id, centerId]);
  if (!b) throw notFound('đợt chuyển tiền');
  const lines = await many<BatchLine>(q, `SELECT l.department_id AS "departmentId", d.name AS "departmentName", l.receipts, l.collected, l.kept, l.amount, l.account
    FROM fee_transfer_lines l JOIN departments d ON d.id = l.department_id WHERE l.batch_id = $1 ORDER BY d.code`, [id]);
  const sum = (k: 'receipts' | 'collected' | 'kept' | 'amount') => lines.reduce((a, l) => a + l[k], 0);
  return {
    id: b.id, periodFrom: b.period_from, periodTo: b.period_to, status: b.status, note: b.note, createdAt: b.created_at.toISOString(),
    confirmedAt: b.confirmed_at?.toISOString() ?? null, bankReference: b.bank_reference, lines,
    total: { receipts: sum('receipts'), collected: sum('collected'), kept: sum('kept'), amount: sum('amount') },
  };
}

export async function listBatches(q: Queryable, centerId: string, from: string, to: string): Promise<Batch[]> {
  const ids = await many<{ id: string }>(q, `SELECT id FROM fee_transfer_batches WHERE center_id = $1 AND period_to >= $2 AND period_from <= $3
    ORDER BY period_from, created_at`, [centerId, from, to]);
  const out: Batch[] = [];
  for (const r of ids) out.push(await loadBatch(q, centerId, r.id));
  return out;
}

export async function createBatch(db: Db, actor: Actor, centerId: string, from: string, to: string, note: string, now: Date): Promise<Batch> {
  if (to < from) throw badRequest('FEE_TRANSFER_PERIOD', 'Ngày kết thúc phải sau ngày bắt đầu.');
  const id = await withTx(db, async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`fee_transfers:${centerId}`]);
    const receipts = await many<{ id: string }>(tx, `SELECT id FROM fee_receipts WHERE center_id = $1 AND issued_day BETWEEN $2 AND $3
      AND voided_at IS NULL AND transfer_batch_id IS NULL ORDER BY issued_at FOR UPDATE`, [centerId, from, to]);
    if (receipts.length === 0) throw conflict('FEE_NOTHING_TO_TRANSFER', 'Không có khoản thu nào của kỳ này chưa được chuyển.');
    const batch = await one<{ id: string }>(tx, `INSERT INTO fee_transfer_batches (center_id, period_from, period_to, note, created_by, created_at)
      VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`, [centerId, from, to, note, actor.id, now]);
    const ids = receipts.map((r) => r.id);
    await tx.query('UPDATE fee_receipts SET transfer_batch_id = $1 WHERE id = ANY($2)', [batch!.id, ids]);
    await tx.query(`INSERT INTO fee_transfer_lines (batch_id, department_id, receipts, collected, kept, amount, account)
      SELECT $1, i.department_id, count(DISTINCT i.receipt_id), sum(i.amount), sum(i.kept), sum(i.amount) - sum(i.kept),
        (SELECT jsonb_build_object('bankBin', a.bank_bin, 'bankName', a.bank_name, 'accountNumber', a.account_number, 'accountName', a.account_name)
           FROM fee_department_accounts a WHERE a.department_id = i.department_id)
      FROM fee_receipt_items i WHERE i.receipt_id = ANY($2) AND i.department_id IS NOT NULL GROUP BY i.department_id`, [batch!.id, ids]);
    await audit(tx, { actorId: actor.id, centerId, action: 'fees.transfer.create', entity: 'fee_transfer_batch', entityId: batch!.id,
      data: { from, to, receipts: ids.length } }, now);
    return batch!.id;
  });
  return loadBatch(db, centerId, id);
}

export async function confirmBatch(db: Db, actor: Actor, centerId: string, id: string, bankReference: string, now: Date): Promise<Batch> {
  await withTx(db, async (tx) => {
    const r = await one(tx, `UPDATE fee_transfer_batches SET status = 'confirmed', confirmed_at = $3, confirmed_by = $4, bank_reference = $5
      WHERE id = $1 AND center_id = $2 AND status = 'created' RETURNING id`, [id, centerId, now, actor.id, bankReference]);
    if (!r) {
      await loadBatch(tx, centerId, id); // 404 when it is not this center's
      throw conflict('FEE_TRANSFER_ALREADY_CONFIRMED', 'Đợt chuyển tiền này đã được xác nhận.');
    }
    await audit(tx, { actorId: actor.id, centerId, action: 'fees.transfer.confirm', entity: 'fee_transfer_batch', entityId: id, data: { bankReference } }, now);
  });
  return loadBatch(db, centerId, id);
}

export interface ReconciliationReport extends Reconciliation {
  from: string;
  to: string;
  names: Record<string, string>;
  checks: { payments: number; receipts: number; receiptLines: number; confirmedBatchLines: number; confirmedBatchReceiptLines: number; ledgersAgree: boolean; batchesAgree: boolean };
}

export async function reconciliation(q: Queryable, centerId: string, from: string, to: string): Promise<ReconciliationReport> {
  const p = [centerId, from, to];
  const inForce = `r.center_id = $1 AND r.issued_day BETWEEN $2 AND $3 AND r.voided_at IS NULL`;
  const depts = await many<{ department_id: string | null; name: string | null; collected: number; kept: number; transferred: number; in_batch: number; unbatched: number }>(q,
    `SELECT i.department_id, min(d.name) AS name, sum(i.amount)::bigint AS collected, sum(i.kept)::bigint AS kept,
       coalesce(sum(i.amount - i.kept) FILTER (WHERE b.status = 'confirmed'), 0)::bigint AS transferred,
       coalesce(sum(i.amount - i.kept) FILTER (WHERE b.status = 'created'), 0)::bigint AS in_batch,
       coalesce(sum(i.amount - i.kept) FILTER (WHERE b.id IS NULL), 0)::bigint AS unbatched
     FROM fee_receipts r JOIN fee_receipt_items i ON i.receipt_id = r.id LEFT JOIN departments d ON d.id = i.department_id
     LEFT JOIN fee_transfer_batches b ON b.id = r.transfer_batch_id
     WHERE ${inForce} GROUP BY i.department_id ORDER BY min(d.code) NULLS LAST`, p);
  const rec = reconcile(depts.map((d) => ({ departmentId: d.department_id, collected: d.collected, kept: d.kept, transferred: d.transferred, inBatch: d.in_batch, unbatched: d.unbatched })));
  const ledger = await one<{ payments: number; receipts: number; lines: number }>(q, `SELECT
      coalesce((SELECT sum(pm.amount) FROM fee_payments pm JOIN fee_receipts r ON r.payment_id = pm.id WHERE ${inForce}), 0)::bigint AS payments,
      coalesce((SELECT sum(r.amount) FROM fee_receipts r WHERE ${inForce}), 0)::bigint AS receipts,
      coalesce((SELECT sum(i.amount) FROM fee_receipt_items i JOIN fee_receipts r ON r.id = i.receipt_id WHERE ${inForce}), 0)::bigint AS lines`, p);
  // Confirmed batches whose receipts all lie in the period: their stored lines must equal their receipts' lines.
  const batches = await one<{ stored: number; derived: number }>(q, `WITH inside AS (
      SELECT b.id FROM fee_transfer_batches b WHERE b.center_id = $1 AND b.status = 'confirmed' AND b.period_from >= $2 AND b.period_to <= $3)
    SELECT coalesce((SELECT sum(l.amount) FROM fee_transfer_lines l WHERE l.batch_id IN (SELECT id FROM inside)), 0)::bigint AS stored,
      coalesce((SELECT sum(i.amount - i.kept) FROM fee_receipt_items i JOIN fee_receipts r ON r.id = i.receipt_id
        WHERE r.transfer_batch_id IN (SELECT id FROM inside) AND i.department_id IS NOT NULL), 0)::bigint AS derived`, p);
  const names = Object.fromEntries(depts.map((d) => [d.department_id ?? 'center', d.name ?? 'Trung tâm (dịch vụ đi kèm)']));
  const checks = {
    payments: ledger!.payments, receipts: ledger!.receipts, receiptLines: ledger!.lines,
    confirmedBatchLines: batches!.stored, confirmedBatchReceiptLines: batches!.derived,
    ledgersAgree: ledger!.payments === ledger!.receipts && ledger!.receipts === ledger!.lines && ledger!.lines === rec.total.collected,
    batchesAgree: batches!.stored === batches!.derived,
  };
  return { ...rec, balanced: rec.balanced && checks.ledgersAgree && checks.batchesAgree, from, to, names, checks };
}
