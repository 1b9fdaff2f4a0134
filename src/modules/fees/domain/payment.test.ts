import { describe, expect, it } from 'vitest';
import type { ChargeLine } from './breakdown';
import { cashbookFigures, reconcile, zeroByMethod } from './ledger';
import { allocatePayment, balances, bookFor, bookOf, cashChange, nextBook, defaultSeriesSymbol, receiptNumber, shareOf, vietQrMemo } from './payment';

const line = (key: string, amount: number, over: Partial<ChargeLine> = {}): ChargeLine => ({
  key, kind: 'fee', name: key, quantity: 1, unitAmount: amount, amount, collectAt: 'reception', centerSharePercent: 0,
  departmentCode: null, legalBasis: '', rate: null, rateText: '', ...over,
});

describe('allocatePayment', () => {
  const lines = [line('F1', 100_000, { centerSharePercent: 10 }), line('F2', 50_000, { centerSharePercent: 33.33 })];

  it('fills lines in order up to their due, keeping the center share rounded down', () => {
    const parts = allocatePayment(balances(lines, { F1: 40_000 }), 80_000);
    expect(parts.map((p) => [p.key, p.amount, p.lineAmount, p.kept])).toEqual([['F1', 60_000, 100_000, 6_000], ['F2', 20_000, 50_000, 6_666]]);
  });

  it('takes a partial payment and refuses more than is due', () => {
    expect(allocatePayment(balances(lines, {}), 1).map((p) => [p.key, p.amount, p.kept])).toEqual([['F1', 1, 0]]);
    expect(() => allocatePayment(balances(lines, {}), 150_001)).toThrow(expect.objectContaining({ code: 'PAYMENT_OVER_DUE', status: 400 }));
    expect(() => allocatePayment(balances(lines, { F1: 100_000, F2: 50_000 }), 1)).toThrow(/vượt quá số còn phải nộp 0 đ/);
  });

  it.each([0, -5, 1.5])('refuses the amount %s', (amount) => {
    expect(() => allocatePayment(balances(lines, {}), amount)).toThrow(expect.objectContaining({ code: 'PAYMENT_INVALID_AMOUNT' }));
  });

  it('carries how a tiered line was priced onto the receipt line', () => {
    const tiered = line('F1', 12_000, { rateText: '2 trang đầu × 2.000 đ; 8 trang × 1.000 đ; tối đa 200.000 đ/bản' });
    expect(allocatePayment(balances([tiered, line('F2', 5_000)], {}), 17_000).map((p) => p.detail))
      .toEqual(['2 trang đầu × 2.000 đ; 8 trang × 1.000 đ; tối đa 200.000 đ/bản', '']);
  });

  it('lets the center keep all of a service charge', () => {
    const parts = allocatePayment(balances([line('S:1', 25_000, { kind: 'service', centerSharePercent: 0 })], {}), 25_000);
    expect(parts[0].kept).toBe(25_000);
  });

  it('never sees an overpaid line as negative due', () => {
    expect(balances([line('F1', 10_000)], { F1: 30_000 })[0]).toMatchObject({ paid: 30_000, due: 0 });
  });
});

describe('shareOf', () => {
  it.each([[100_000, 10, 10_000], [99_999, 10, 9_999], [3, 33.33, 0], [1_000_000, 33.33, 333_300], [7, 100, 7], [7, 0, 0]])(
    '%i × %s %% → %i', (amount, percent, kept) => expect(shareOf(amount, percent)).toBe(kept));
});

describe('cashChange', () => {
  it('gives change from the cash handed over', () => {
    expect(cashChange('cash', 35_000, 50_000)).toBe(15_000);
    expect(cashChange('cash', 35_000)).toBe(0);
    expect(() => cashChange('cash', 35_000, 20_000)).toThrow(expect.objectContaining({ code: 'PAYMENT_TENDERED_TOO_LOW' }));
  });

  it('needs a reference for transfers and cards and no tendered amount', () => {
    expect(cashChange('transfer', 35_000, undefined, 'FT2507123')).toBe(0);
    expect(() => cashChange('card', 35_000)).toThrow(expect.objectContaining({ code: 'PAYMENT_REFERENCE_REQUIRED' }));
    expect(() => cashChange('transfer', 35_000, 50_000, 'FT1')).toThrow(expect.objectContaining({ code: 'PAYMENT_TENDERED_NOT_CASH' }));
  });
});

describe('receipt numbers', () => {
  it.each([[1, 100, 1], [100, 100, 1], [101, 100, 2], [250, 50, 5]])('number %i in books of %i is in book %i', (n, size, book) => {
    expect(bookOf(n, size)).toBe(book);
  });
  it.each([
    // number, book position → book
    [1, { book: 1, bookStart: 1, bookSize: 100 }, 1],
    [101, { book: 1, bookStart: 1, bookSize: 100 }, 2],
    [38, { book: 2, bookStart: 38, bookSize: 50 }, 2],
    [87, { book: 2, bookStart: 38, bookSize: 50 }, 2],
    [88, { book: 2, bookStart: 38, bookSize: 50 }, 3],
  ])('number %i with the current book %j is in book %i', (n, p, book) => {
    expect(bookFor(n, p)).toBe(book);
  });
  it('opens a new book at the next number, unless the next number already starts one', () => {
    expect(nextBook(38, { book: 1, bookStart: 1, bookSize: 100 })).toEqual({ book: 2, bookStart: 38, bookSize: 100 });
    expect(nextBook(120, { book: 1, bookStart: 1, bookSize: 100 })).toEqual({ book: 3, bookStart: 120, bookSize: 100 });
    expect(nextBook(1, { book: 1, bookStart: 1, bookSize: 100 })).toBeNull();
    expect(nextBook(101, { book: 1, bookStart: 1, bookSize: 100 })).toBeNull();
    expect(nextBook(38, { book: 2, bookStart: 38, bookSize: 50 })).toBeNull();
    expect(() => bookFor(5, { book: 2, bookStart: 38, bookSize: 50 })).toThrow(RangeError);
  });
  it('formats series and number', () => {
    expect(receiptNumber('HT-25', 12)).toBe('HT-25/0000012');
    expect(defaultSeriesSymbol(2025)).toBe('HT-25');
    expect(defaultSeriesSymbol(2100)).toBe('HT-00');
  });
  it('uses the dossier code as the transfer memo, at most 25 characters', () => {
    expect(vietQrMemo('000.00.15.H57-250312-0001')).toBe('000.00.15.H57-250312-0001');
    expect(vietQrMemo('000.00.15.H57.X1-250312-0001')).toBe('00.15.H57.X1-250312-0001');
  });
});

describe('cash book and reconciliation', () => {
  it('closes each method: opening + receipts − voids − handed over', () => {
    const f = cashbookFigures({ ...zeroByMethod(), cash: 100_000 }, { cash: 50_000, transfer: 20_000, card: 0, vnpay: 0 }, { ...zeroByMethod(), cash: 10_000 }, { ...zeroByMethod(), cash: 120_000 });
    expect(f.lines.find((l) => l.method === 'cash')).toMatchObject({ closing: 20_000 });
    expect(f.total).toEqual({ opening: 100_000, receipts: 70_000, voids: 10_000, refunds: 0, handedOver: 120_000, closing: 40_000 });
  });

  it('pays refunds out of the day: closing = opening + receipts − voids − refunds − handed over', () => {
    const f = cashbookFigures({ ...zeroByMethod(), cash: 100_000 }, { ...zeroByMethod(), cash: 50_000 }, { ...zeroByMethod(), cash: 10_000 }, { ...zeroByMethod(), cash: 20_000 }, { ...zeroByMethod(), cash: 75_000 });
    expect(f.lines.find((l) => l.method === 'cash')).toMatchObject({ refunds: 75_000, closing: 45_000 });
    expect(f.total).toMatchObject({ refunds: 75_000, closing: 45_000 });
  });

  it('balances when collected = transferred + kept + pending, and shows a difference otherwise', () => {
    const ok = reconcile([{ departmentId: 'a', collected: 100, kept: 10, transferred: 50, inBatch: 30, unbatched: 10 }]);
    expect(ok.balanced).toBe(true);
    expect(ok.total).toMatchObject({ pending: 40, difference: 0 });
    const off = reconcile([{ departmentId: 'a', collected: 100, kept: 10, transferred: 50, inBatch: 30, unbatched: 9 }]);
    expect(off.balanced).toBe(false);
    expect(off.rows[0].difference).toBe(1);
  });
});
