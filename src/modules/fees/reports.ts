// Totals of collected fees for a center and period, grouped by procedure, field, department or day. "Collected"
// means receipts issued in the period and still in force; voided receipts are counted apart.
import type { Queryable } from '../../platform/db';
import { many, one } from '../../platform/db';
import { PAYMENT_METHOD_LABELS, type PaymentMethod } from './domain';

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
}

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
  return {
    from, to, groupBy, rows,
    total: { receipts: totals!.receipts, collected: totals!.collected, kept: totals!.kept, toDepartments: totals!.collected - totals!.kept },
    voided: voided!,
  };
}

export const GROUP_LABELS: Record<GroupBy, string> = { procedure: 'Thủ tục', field: 'Lĩnh vực', department: 'Phòng chuyên môn', day: 'Ngày', method: 'Hình thức nộp' };
