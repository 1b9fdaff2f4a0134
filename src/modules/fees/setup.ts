// Per-center fee setup made at first use: the receipt series of the year and, in demo mode only, a demo bank
// account so VietQR can be tried. A real deployment configures its account through PUT /fees/bank-account.
import type { Queryable, Tx } from '../../platform/db';
import { many, one } from '../../platform/db';
import { bookFor, defaultSeriesSymbol } from './domain';

export interface SeriesNumber {
  seriesId: string;
  symbol: string;
  book: number;
  number: number;
}

/**
 * The next receipt number of the center's active series for `year`, taken inside the payment transaction. The
 * row lock of `UPDATE … RETURNING` queues concurrent collectors; a rolled-back payment gives its number back, so
 * numbers are unique and without gaps. A series opened or a book started by the center's leaders (see
 * series.ts) takes the same row lock, so a payment lands either before or after it, never in between.
 */
export async function nextReceiptNumber(tx: Tx, centerId: string, year: number, now: Date): Promise<SeriesNumber> {
  const take = () => one<{ id: string; symbol: string; number: number; book: number; book_start: number; book_size: number }>(tx,
    `UPDATE receipt_series SET next_number = next_number + 1 WHERE center_id = $1 AND active AND year = $2
     RETURNING id, symbol, next_number - 1 AS number, book, book_start, book_size`, [centerId, year]);
  let row = await take();
  if (!row) {
    // A new year (or a new center): retire last year's series and open this year's. Concurrent first payments
    // queue on the advisory lock; the next one finds the series the first one opened.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`receipt_series:${centerId}`]);
    row = await take();
    if (!row) {
      await tx.query('UPDATE receipt_series SET active = false, closed_at = $3 WHERE center_id = $1 AND active AND year <> $2', [centerId, year, now]);
      // The year's default symbol, or "HT-26-2", "HT-26-3"… when a series of that name was opened by hand before.
      const base = defaultSeriesSymbol(year);
      const taken = await many<{ symbol: string }>(tx, 'SELECT symbol FROM receipt_series WHERE center_id = $1 AND (symbol = $2 OR symbol LIKE $2 || \'-%\')', [centerId, base]);
      const used = new Set(taken.map((t) => t.symbol));
      let symbol = base;
      for (let i = 2; used.has(symbol); i++) symbol = `${base}-${i}`;
      await tx.query(`INSERT INTO receipt_series (center_id, symbol, year, note, created_at) VALUES ($1, $2, $3, 'Mở tự động khi thu biên lai đầu tiên của năm', $4)`,
        [centerId, symbol, year, now]);
      row = await take();
    }
  }
  if (!row) throw new Error('receipt series unavailable');
  return { seriesId: row.id, symbol: row.symbol, book: bookFor(row.number, { book: row.book, bookStart: row.book_start, bookSize: row.book_size }), number: row.number };
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
