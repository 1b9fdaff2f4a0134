// The collector's cash book and the reconciliation of collected money with what went to departments. Pure
// arithmetic over figures the repository summed; integer VND.
import type { PaymentMethod } from './payment';
import { PAYMENT_METHODS } from './payment';

export type ByMethod = Record<PaymentMethod, number>;
export const zeroByMethod = (): ByMethod => ({ cash: 0, transfer: 0, card: 0, vnpay: 0 });

export interface CashbookLine {
  method: PaymentMethod;
  opening: number;
  receipts: number;
  voids: number;
  /** Fees paid back to applicants of refused or withdrawn dossiers. */
  refunds: number;
  handedOver: number;
  closing: number;
}

export interface CashbookFigures {
  lines: CashbookLine[];
  total: Omit<CashbookLine, 'method'>;
}

/** closing = opening + receipts − voids − refunds − handed over, for each method and in total. */
export function cashbookFigures(opening: ByMethod, receipts: ByMethod, voids: ByMethod, handedOver: ByMethod = zeroByMethod(), refunds: ByMethod = zeroByMethod()): CashbookFigures {
  const lines = PAYMENT_METHODS.map((method) => ({
    method,
    opening: opening[method],
    receipts: receipts[method],
    voids: voids[method],
    refunds: refunds[method],
    handedOver: handedOver[method],
    closing: opening[method] + receipts[method] - voids[method] - refunds[method] - handedOver[method],
  }));
  const sum = (k: keyof Omit<CashbookLine, 'method'>) => lines.reduce((a, l) => a + l[k], 0);
  return {
    lines,
    total: { opening: sum('opening'), receipts: sum('receipts'), voids: sum('voids'), refunds: sum('refunds'), handedOver: sum('handedOver'), closing: sum('closing') },
  };
}

/** Sums of a department's receipt lines in a period, each from its own source. */
export interface DepartmentMoney {
  departmentId: string | null;
  collected: number;
  kept: number;
  /** In confirmed transfer batches. */
  transferred: number;
  /** In batches made but not yet confirmed. */
  inBatch: number;
  /** In no batch yet. */
  unbatched: number;
}

export interface ReconciliationRow extends DepartmentMoney {
  pending: number;
  /** collected − (transferred + kept + pending): 0 when the books agree. */
  difference: number;
}

export interface Reconciliation {
  rows: ReconciliationRow[];
  total: Omit<ReconciliationRow, 'departmentId'>;
  balanced: boolean;
}

/** Checks collected = transferred + kept + pending for every department and in total, to the đồng. */
export function reconcile(depts: readonly DepartmentMoney[]): Reconciliation {
  const rows = depts.map((d) => {
    const pending = d.inBatch + d.unbatched;
    return { ...d, pending, difference: d.collected - (d.transferred + d.kept + pending) };
  });
  const sum = (k: keyof Omit<ReconciliationRow, 'departmentId'>) => rows.reduce((a, r) => a + r[k], 0);
  const total = {
    collected: sum('collected'),
    kept: sum('kept'),
    transferred: sum('transferred'),
    inBatch: sum('inBatch'),
    unbatched: sum('unbatched'),
    pending: sum('pending'),
    difference: sum('difference'),
  };
  return { rows, total, balanced: rows.every((r) => r.difference === 0) && total.difference === 0 };
}
