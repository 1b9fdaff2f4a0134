// Totals of collected fees for a center and period, grouped by procedure, field, department or day. "Collected"
// means receipts issued in the period and still in force; voided receipts are counted apart.
import type { Queryable } from '../../platform/db';
import { many, one } from '../../platform/db';
import { PAYMENT_METHOD_LABELS, receiptNumber, type PaymentMethod } from './domain';

export type GroupBy = 'procedure' | 'field' | 'department' | 'day' | 'method';

export interface ReportRow {
  key: string;
  label: string;
  receipts: number;
  collected: number;
  kept: number;
  toDepartments: number;
}

export interface FeeReport {
  from: string;
  to: string;
  groupBy: GroupBy;
  rows: ReportRow[];
  total: Omit<ReportRow, 'key' | 'label'>;
  voided: { receipts: number; amount: number };
  /** Fees paid back in the period (refund slips), subtracted from what was collected. */
  refunded: { refunds: number; amount: number; items: ReportRefund[] };
  /** collected − refunded: what the center's fee books hold for the period. */
  net: number;
  /** Amounts the center's leaders waived in the period: never collected, listed so the books explain them. */
  waived: { dossiers: number; amount: number; items: ReportWaiver[] };
}

export interface ReportRefund { refundNumber: string; dossierCode: string; amount: number; reason: string; by: string; at: string }
export interface ReportWaiver { dossierCode: string; amount: number; reason: string; by: string; at: string }

// Per receipt: its amount and how much of it the center keeps (from its lines).
const PER_RECEIPT = `SELECT r.id, r.method, r.procedure_code, r.procedure_name, r.field_code, r.issued_day, r.amount,
    (SELECT sum(i.kept) FROM fee_receipt_items i WHERE i.receipt_id = r.id)::bigint AS kept
  FROM fee_receipts r WHERE r.center_id = $1 AND r.issued_day BETWEEN $2 AND $3 AND r.voided_at IS NULL`;

const QUERIES: Record<GroupBy, string> = {
  procedure: `SELECT x.procedure_code AS key, min(x.procedure_name) AS label, count(*)::int AS receipts, sum(x.amount)::bigint AS collected,
      sum(x.kept)::bigint AS kept FROM (${PER_RECEIPT}) x GROUP BY x.procedure_code ORDER BY x.procedure_code`,
  field: `SELECT x.field_code AS key, min(f.name) AS label, count(*)::int AS receipts, sum(x.amount)::bigint AS collected,
      sum(x.kept)::bigint AS kept FROM (${PER_RECEIPT}) x JOIN fields f ON f.code = x.field_code GROUP BY x.field_code, f.no ORDER BY f.no`,
  day: `SELECT to_char(x.issued_day, 'YYYY-MM-DD') AS key, to_char(x.issued_day, 'DD/MM/YYYY') AS label, count(*)::int AS receipts,
      sum(x.amount)::bigint AS collected, sum(x.kept)::bigint AS kept FROM (${PER_RECEIPT}) x GROUP BY x.issued_day ORDER BY x.issued_day`,
  // How the money came in: cash, transfer, card, or online through VNPay (label from the fee domain).
  method: `SELECT x.method AS key, x.method AS label, count(*)::int AS receipts, sum(x.amount)::bigint AS collected,
      sum(x.kept)::bigint AS kept FROM (${PER_RECEIPT}) x GROUP BY x.method ORDER BY x.method`,
  department: `SELECT coalesce(d.id::text, 'center') AS key, coalesce(min(d.name), 'Trung tâm (dịch vụ đi kèm)') AS label,
      count(DISTINCT r.id)::int AS receipts, sum(i.amount)::bigint AS collected, sum(i.kept)::bigint AS kept
    FROM fee_receipts r JOIN fee_receipt_items i ON i.receipt_id = r.id LEFT JOIN departments d ON d.id = i.department_id
    WHERE r.center_id = $1 AND r.issued_day BETWEEN $2 AND $3 AND r.voided_at IS NULL
    GROUP BY d.id ORDER BY min(d.code) NULLS LAST`,
};

export async function feeReport(q: Queryable, centerId: string, from: string, to: string, groupBy: GroupBy): Promise<FeeReport> {
  const raw = await many<{ key: string; label: string; receipts: number; collected: number; kept: number }>(q, QUERIES[groupBy], [centerId, from, to]);
  const rows = raw.map((r) => ({ ...r, label: groupBy === 'method' ? PAYMENT_METHOD_LABELS[r.key as PaymentMethod] ?? r.key : r.label, toDepartments: r.collected - r.kept }));
  const totals = await one<{ receipts: number; collected: number; kept: number }>(q,
    `SELECT count(*)::int AS receipts, coalesce(sum(x.amount), 0)::bigint AS collected, coalesce(sum(x.kept), 0)::bigint AS kept FROM (${PER_RECEIPT}) x`,
    [centerId, from, to]);
  const voided = await one<{ receipts: number; amount: number }>(q, `SELECT count(*)::int AS receipts, coalesce(sum(amount), 0)::bigint AS amount
    FROM fee_receipts WHERE center_id = $1 AND issued_day BETWEEN $2 AND $3 AND voided_at IS NOT NULL`, [centerId, from, to]);
  const refunds = await many<{ symbol: string; number: number; dossier_code: string; amount: number; reason: string; by: string; at: Date }>(q,
    `SELECT symbol, number, dossier_code, amount, reason, refunded_by_name AS by, refunded_at AS at FROM fee_refunds
      WHERE center_id = $1 AND refunded_day BETWEEN $2 AND $3 ORDER BY refunded_at, number`, [centerId, from, to]);
  // A waiver's day is its day in Vietnam, like a receipt's.
  const waivers = await many<{ code: string; amount: number; reason: string; by: string; at: Date }>(q,
    `SELECT d.code, w.amount, w.reason, u.full_name AS by, w.waived_at AS at FROM fee_waivers w JOIN dossiers d ON d.id = w.dossier_id
       JOIN users u ON u.id = w.waived_by
      WHERE d.center_id = $1 AND (w.waived_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $2 AND $3 ORDER BY w.waived_at`, [centerId, from, to]);
  const refunded = refunds.reduce((a, r) => a + Number(r.amount), 0);
  return {
    from, to, groupBy, rows,
    total: { receipts: totals!.receipts, collected: totals!.collected, kept: totals!.kept, toDepartments: totals!.collected - totals!.kept },
    voided: voided!,
    refunded: {
      refunds: refunds.length, amount: refunded,
      items: refunds.map((r) => ({ refundNumber: receiptNumber(r.symbol, r.number), dossierCode: r.dossier_code, amount: Number(r.amount), reason: r.reason, by: r.by, at: r.at.toISOString() })),
    },
    net: totals!.collected - refunded,
    waived: {
      dossiers: waivers.length, amount: waivers.reduce((a, w) => a + Number(w.amount), 0),
      items: waivers.map((w) => ({ dossierCode: w.code, amount: Number(w.amount), reason: w.reason, by: w.by, at: w.at.toISOString() })),
    },
  };
}

export const GROUP_LABELS: Record<GroupBy, string> = { procedure: 'Thủ tục', field: 'Lĩnh vực', department: 'Phòng chuyên môn', day: 'Ngày', method: 'Hình thức nộp' };
