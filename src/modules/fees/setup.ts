// Per-center fee setup made at first use: the receipt series of the year and, in demo mode only, a demo bank
// account so VietQR can be tried. A real deployment configures its account through PUT /fees/bank-account.
import type { Queryable, Tx } from '../../platform/db';
import { many, one } from '../../platform/db';
import { defaultSeriesSymbol } from './domain';

export interface SeriesNumber {
  seriesId: string;
  symbol: string;
  book: number;
  number: number;
}

/** What a receipt says besides its number: written in the same statement that takes the number. */
export interface ReceiptDraft {
  centerId: string;
  paymentId: string;
  dossier: { id: string; code: string; procedureCode: string; procedureName: string; fieldCode: string };
  payer: object;
  method: string;
  amount: number;
  amountInWords: string;
  collector: { id: string; fullName: string };
  issuedAt: Date;
  issuedDay: string;
  replacesReceiptId: string | null;
  items: {
    position: number; line_code: string; kind: string; name: string; quantity: number; unit_amount: number; amount: number; line_amount: number;
    kept: number; department_id: string | null; legal_basis: string; detail: string;
  }[];
  /** The audit row's data; the receipt number is added to it. */
  audit: Record<string, unknown>;
}

/**
 * Numbers a receipt in the center's active series for `year` and writes it with its lines and its audit row, in
 * ONE statement. The series row lock of `UPDATE … RETURNING` queues concurrent collectors and is held from that
 * statement to the commit, so nothing else runs under it; a rolled-back payment gives its number back, so numbers
 * are unique and without gaps. A series opened or a book started by the center's leaders (series.ts) takes the
 * same row lock, so a payment lands either before or after it. Null when there is no active series for `year`.
 */
async function writeNumbered(tx: Tx, year: number, r: ReceiptDraft): Promise<(SeriesNumber & { id: string }) | undefined> {
  return one<SeriesNumber & { id: string }>(tx, `
    WITH n AS (
      UPDATE receipt_series SET next_number = next_number + 1 WHERE center_id = $1 AND active AND year = $2
      RETURNING id, symbol, form_number, next_number - 1 AS number, book + (next_number - 1 - book_start) / book_size AS book
    ), r AS (
      INSERT INTO fee_receipts (payment_id, center_id, series_id, symbol, book, number, dossier_id, dossier_code, procedure_code, procedure_name,
        field_code, payer, method, amount, amount_in_words, collector_id, collector_name, issued_at, issued_day, replaces_receipt_id, form_number)
      SELECT $3, $1, n.id, n.symbol, n.book, n.number, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, n.form_number FROM n
      RETURNING id, series_id, symbol, book, number
    ), i AS (
      INSERT INTO fee_receipt_items (receipt_id, position, line_code, kind, name, quantity, unit_amount, amount, line_amount, kept, department_id,
        legal_basis, detail)
      SELECT r.id, x.position, x.line_code, x.kind, x.name, x.quantity, x.unit_amount, x.amount, x.line_amount, x.kept, x.department_id, x.legal_basis, x.detail
        FROM r, jsonb_to_recordset($18::jsonb) AS x(position integer, line_code text, kind text, name text, quantity integer, unit_amount bigint,
          amount bigint, line_amount bigint, kept bigint, department_id uuid, legal_basis text, detail text)
    ), a AS (
      INSERT INTO audit_log (at, actor_id, center_id, action, entity, entity_id, data)
      SELECT $15, $13, $1, 'fees.payment.collect', 'receipt', r.id::text,
             $19::jsonb || jsonb_build_object('receiptNumber', r.symbol || '/' || lpad(r.number::text, 7, '0'))
        FROM r
    )
    SELECT r.id, r.series_id AS "seriesId", r.symbol, r.book, r.number FROM r`,
  [r.centerId, year, r.paymentId, r.dossier.id, r.dossier.code, r.dossier.procedureCode, r.dossier.procedureName, r.dossier.fieldCode,
    JSON.stringify(r.payer), r.method, r.amount, r.amountInWords, r.collector.id, r.collector.fullName, r.issuedAt, r.issuedDay,
    r.replacesReceiptId, JSON.stringify(r.items), JSON.stringify(r.audit)]);
}

/**
 * A new year (or a new center): retires last year's series and opens this year's, under the center's series
 * lock, so concurrent first payments of the year open it once. The year's default symbol, or "HT-26-2", "HT-26-3"…
 * when a series of that name was opened by hand before.
 */
async function openYearSeries(tx: Tx, centerId: string, year: number, now: Date): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`receipt_series:${centerId}`]);
  if (await one(tx, 'SELECT 1 FROM receipt_series WHERE center_id = $1 AND active AND year = $2', [centerId, year])) return;
  await tx.query('UPDATE receipt_series SET active = false, closed_at = $3 WHERE center_id = $1 AND active AND year <> $2', [centerId, year, now]);
  const base = defaultSeriesSymbol(year);
  const taken = await many<{ symbol: string }>(tx, "SELECT symbol FROM receipt_series WHERE center_id = $1 AND (symbol = $2 OR symbol LIKE $2 || '-%')", [centerId, base]);
  const used = new Set(taken.map((t) => t.symbol));
  let symbol = base;
  for (let i = 2; used.has(symbol); i++) symbol = `${base}-${i}`;
  await tx.query(`INSERT INTO receipt_series (center_id, symbol, year, note, created_at) VALUES ($1, $2, $3, 'Mở tự động khi thu biên lai đầu tiên của năm', $4)`,
    [centerId, symbol, year, now]);
}

/** Issues the receipt of a payment inside the payment transaction: its number, book, lines and audit row. */
export async function issueReceipt(tx: Tx, draft: ReceiptDraft): Promise<SeriesNumber & { id: string }> {
  const year = Number(draft.issuedDay.slice(0, 4));
  let row = await writeNumbered(tx, year, draft);
  if (!row) {
    await openYearSeries(tx, draft.centerId, year, draft.issuedAt);
    row = await writeNumbered(tx, year, draft);
  }
  if (!row) throw new Error('receipt series unavailable');
  return row;
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
