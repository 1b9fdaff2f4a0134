// Per-center fee setup made at first use: the receipt series of the year and, in demo mode only, a demo bank
// account so VietQR can be tried. A real deployment configures its account through PUT /fees/bank-account.
import type { Queryable, Tx } from '../../platform/db';
import { one } from '../../platform/db';
import { bookOf, defaultSeriesSymbol } from './domain';

export interface SeriesNumber {
  seriesId: string;
  symbol: string;
  book: number;
  number: number;
}

/**
 * The next receipt number of the center's active series for `year`, taken inside the payment transaction. The
 * row lock of `UPDATE … RETURNING` queues concurrent collectors; a rolled-back payment gives its number back, so
 * numbers are unique and without gaps.
 */
export async function nextReceiptNumber(tx: Tx, centerId: string, year: number): Promise<SeriesNumber> {
  const take = () => one<{ id: string; symbol: string; number: number; book_size: number }>(tx,
    `UPDATE receipt_series SET next_number = next_number + 1 WHERE center_id = $1 AND active AND year = $2
     RETURNING id, symbol, next_number - 1 AS number, book_size`, [centerId, year]);
  let row = await take();
  if (!row) {
    // A new year (or a new center): retire last year's series and open this year's. Concurrent first payments
    // meet on the unique indexes; the loser's insert does nothing and it takes a number from the winner's row.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`receipt_series:${centerId}`]);
    row = await take();
    if (!row) {
      await tx.query('UPDATE receipt_series SET active = false WHERE center_id = $1 AND active AND year <> $2', [centerId, year]);
      await tx.query(`INSERT INTO receipt_series (center_id, symbol, year) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [centerId, defaultSeriesSymbol(year), year]);
      row = await take();
    }
  }
  if (!row) throw new Error('receipt series unavailable');
  return { seriesId: row.id, symbol: row.symbol, book: bookOf(row.number, row.book_size), number: row.number };
}

export interface BankAccount {
  id: string;
  bankBin: string;
  bankName: string;
  accountNumber: string;
  accountName: string;
  isDemo: boolean;
}

export const DEMO_BANK = { bankBin: '970436', bankName: 'Vietcombank', accountNumber: '0071000123456' } as const;

/** The center's active account; in demo mode a center that never had one gets the demo account. */
export async function centerBankAccount(q: Queryable, centerId: string, demo: boolean): Promise<BankAccount | null> {
  const read = () => one<{ id: string; bank_bin: string; bank_name: string; account_number: string; account_name: string; is_demo: boolean }>(q,
    'SELECT * FROM fee_bank_accounts WHERE center_id = $1 AND active', [centerId]);
  let row = await read();
  if (!row && demo) {
    await q.query(`INSERT INTO fee_bank_accounts (center_id, bank_bin, bank_name, account_number, account_name, is_demo)
      SELECT c.id, $2, $3, $4, upper(c.short_name) || ' (DEMO)', true FROM centers c
       WHERE c.id = $1 AND NOT EXISTS (SELECT 1 FROM fee_bank_accounts b WHERE b.center_id = c.id)
      ON CONFLICT DO NOTHING`, [centerId, DEMO_BANK.bankBin, DEMO_BANK.bankName, DEMO_BANK.accountNumber]);
    row = await read();
  }
  if (!row) return null;
  return { id: row.id, bankBin: row.bank_bin, bankName: row.bank_name, accountNumber: row.account_number, accountName: row.account_name, isDemo: row.is_demo };
}
