// A collector's closed day accepts no more receipts or voids. Writers take a shared advisory lock on (collector,
// day) and closing takes it exclusively, so a payment committing while the day is being closed cannot slip past.
import type { Tx } from '../../../platform/db';
import { one } from '../../../platform/db';
import { conflict } from '../../../platform/errors';

export async function lockDay(tx: Tx, collectorId: string, day: string, shared: boolean): Promise<void> {
  await tx.query(`SELECT ${shared ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}(hashtext($1))`, [`fee_cashbook:${collectorId}:${day}`]);
}

/** Throws 409 when the collector's cash book of `day` is closed; takes the day's lock first. */
export async function assertDayOpen(tx: Tx, collectorId: string, day: string, shared: boolean): Promise<void> {
  await lockDay(tx, collectorId, day, shared);
  const closed = await one(tx, 'SELECT 1 FROM fee_cashbooks WHERE collector_id = $1 AND day = $2', [collectorId, day]);
  if (closed) {
    throw conflict('FEE_CASHBOOK_CLOSED', `Sổ quỹ ngày ${day.split('-').reverse().join('/')} đã khóa sổ: không ghi thêm thu, hủy trong ngày này.`);
  }
}
