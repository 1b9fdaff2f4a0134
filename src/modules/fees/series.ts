// Receipt series (ký hiệu) and books (quyển số) of a center, managed by its leaders. Opening a series closes the
// one in use; opening a book ends the current book early (the next number starts the new book). Numbers stay
// gap-free per series: both changes take the series row's lock that every payment takes to number its receipt
// (setup.ts), so a payment is numbered either before or after the change, never lost in between.
import { audit } from '../../platform/audit';
import type { Db, Queryable } from '../../platform/db';
import { many, one, withTx } from '../../platform/db';
import { conflict, notFound } from '../../platform/errors';
import type { Actor } from '../auth/actor';
import { vnDayString } from '../calendar/domain';
import { bookFor, nextBook } from './domain';

/** The "Mẫu số" of a series opened without one (and of every automatically opened series): see migration 032. */
export const DEFAULT_FORM_NUMBER = '01BLP1-001';

export interface SeriesBook {
  book: number;
  from: number;
  to: number;
  receipts: number;
  voided: number;
}

export interface SeriesView {
  id: string;
  symbol: string;
  /** "Mẫu số" printed on its receipts. */
  formNumber: string;
  year: number;
  bookSize: number;
  /** The book the next receipt goes into, and that number. */
  currentBook: number;
  nextNumber: number;
  /** Numbers used so far (1..issued, without gaps). */
  issued: number;
  active: boolean;
  note: string;
  openedAt: string;
  openedBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  books: SeriesBook[];
}

interface SeriesRow {
  id: string; symbol: string; form_number: string; year: number; book: number; book_start: number; book_size: number; next_number: number; active: boolean; note: string;
  created_at: Date; closed_at: Date | null; opened_by_name: string | null; closed_by_name: string | null; books: SeriesBook[];
}

const SELECT = `SELECT s.id, s.symbol, s.form_number, s.year, s.book, s.book_start, s.book_size, s.next_number, s.active, s.note, s.created_at, s.closed_at,
    o.full_name AS opened_by_name, c.full_name AS closed_by_name,
    (SELECT coalesce(jsonb_agg(jsonb_build_object('book', b.book, 'from', b.first, 'to', b.last, 'receipts', b.n, 'voided', b.v) ORDER BY b.book), '[]')
       FROM (SELECT book, min(number) AS first, max(number) AS last, count(*)::int AS n, (count(*) FILTER (WHERE voided_at IS NOT NULL))::int AS v
               FROM fee_receipts WHERE series_id = s.id GROUP BY book) b) AS books
  FROM receipt_series s LEFT JOIN users o ON o.id = s.opened_by LEFT JOIN users c ON c.id = s.closed_by`;

const present = (r: SeriesRow): SeriesView => ({
  id: r.id,
  symbol: r.symbol,
  formNumber: r.form_number,
  year: r.year,
  bookSize: r.book_size,
  currentBook: bookFor(r.next_number, { book: r.book, bookStart: r.book_start, bookSize: r.book_size }),
  nextNumber: r.next_number,
  issued: r.next_number - 1,
  active: r.active,
  note: r.note,
  openedAt: r.created_at.toISOString(),
  openedBy: r.opened_by_name,
  closedAt: r.closed_at?.toISOString() ?? null,
  closedBy: r.closed_by_name,
  books: r.books,
});

/** The center's series, the one in use first, then the newest. */
export async function listSeries(q: Queryable, centerId: string): Promise<SeriesView[]> {
  return (await many<SeriesRow>(q, `${SELECT} WHERE s.center_id = $1 ORDER BY s.active DESC, s.created_at DESC, s.symbol`, [centerId])).map(present);
}

async function seriesOf(q: Queryable, centerId: string, id: string): Promise<SeriesView> {
  const r = await one<SeriesRow>(q, `${SELECT} WHERE s.center_id = $1 AND s.id = $2`, [centerId, id]);
  if (!r) throw notFound('ký hiệu biên lai');
  return present(r);
}

const yearOf = (now: Date) => Number(vnDayString(now).slice(0, 4));

export interface OpenSeriesInput {
  symbol: string;
  formNumber?: string | undefined;
  bookSize: number;
  note: string;
}

/** Opens a series for this year at the center and closes the one in use; its numbers start at 1 in book 1. */
export async function openSeries(db: Db, actor: Actor, centerId: string, input: OpenSeriesInput, now: Date): Promise<SeriesView> {
  const id = await withTx(db, async (tx) => {
    // The same lock as the first payment of a year that opens the default series.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`receipt_series:${centerId}`]);
    if (await one(tx, 'SELECT 1 FROM receipt_series WHERE center_id = $1 AND symbol = $2', [centerId, input.symbol])) {
      throw conflict('FEE_SERIES_EXISTS', `Ký hiệu ${input.symbol} đã được dùng ở Trung tâm này; mỗi ký hiệu chỉ mở một lần.`);
    }
    // Waits for payments numbering in the old series to commit; later ones find the new series.
    const closed = await one<{ id: string; symbol: string; next_number: number }>(tx, `UPDATE receipt_series SET active = false, closed_at = $2, closed_by = $3
      WHERE center_id = $1 AND active RETURNING id, symbol, next_number`, [centerId, now, actor.id]);
    const year = yearOf(now);
    const row = await one<{ id: string }>(tx, `INSERT INTO receipt_series (center_id, symbol, year, book_size, note, opened_by, created_at, form_number)
      VALUES ($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id`, [centerId, input.symbol, year, input.bookSize, input.note, actor.id, now, input.formNumber ?? DEFAULT_FORM_NUMBER]);
    await audit(tx, {
      actorId: actor.id, centerId, action: 'fees.receipt_series.open', entity: 'receipt_series', entityId: row!.id,
      data: { symbol: input.symbol, formNumber: input.formNumber ?? DEFAULT_FORM_NUMBER, year, bookSize: input.bookSize, note: input.note, closed: closed ? { id: closed.id, symbol: closed.symbol, lastNumber: closed.next_number - 1 } : null },
    }, now);
    return row!.id;
  });
  return seriesOf(db, centerId, id);
}

/**
 * Starts a new book in the series in use: the next number is the first of book (current + 1). Refused when the
 * current book has no receipt yet, for a closed series, and for last year's series (the next payment retires it).
 */
export async function openBook(db: Db, actor: Actor, centerId: string, seriesId: string, input: { bookSize?: number | undefined; note: string }, now: Date): Promise<SeriesView> {
  await withTx(db, async (tx) => {
    const s = await one<{ symbol: string; year: number; active: boolean; book: number; book_start: number; book_size: number; next_number: number }>(tx,
      'SELECT symbol, year, active, book, book_start, book_size, next_number FROM receipt_series WHERE id = $1 AND center_id = $2 FOR UPDATE', [seriesId, centerId]);
    if (!s) throw notFound('ký hiệu biên lai');
    if (!s.active) throw conflict('FEE_SERIES_CLOSED', `Ký hiệu ${s.symbol} đã đóng: không mở thêm quyển.`);
    if (s.year !== yearOf(now)) throw conflict('FEE_SERIES_OLD_YEAR', `Ký hiệu ${s.symbol} là của năm ${s.year}: hãy mở ký hiệu của năm nay.`);
    const position = { book: s.book, bookStart: s.book_start, bookSize: s.book_size };
    const next = nextBook(s.next_number, position);
    if (!next) {
      throw conflict('FEE_BOOK_UNUSED', `Quyển số ${bookFor(s.next_number, position)} của ký hiệu ${s.symbol} chưa có biên lai nào: chưa cần mở quyển mới.`);
    }
    const bookSize = input.bookSize ?? s.book_size;
    await tx.query('UPDATE receipt_series SET book = $2, book_start = $3, book_size = $4 WHERE id = $1', [seriesId, next.book, next.bookStart, bookSize]);
    await audit(tx, {
      actorId: actor.id, centerId, action: 'fees.receipt_book.open', entity: 'receipt_series', entityId: seriesId,
      data: { symbol: s.symbol, closedBook: next.book - 1, lastNumber: s.next_number - 1, book: next.book, firstNumber: next.bookStart, bookSize, note: input.note },
    }, now);
  });
  return seriesOf(db, centerId, seriesId);
}
