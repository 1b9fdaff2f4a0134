import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { api, createCollector, createDossier, HUE, HUONG_THUY, pay } from '../support/fee-fixtures';

let t: TestApp;
let collector: string;
let director: string;
let deputy: string;
let hueDirector: string;
let admin: string;
let reception: string;
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2025-03-12T03:15:00Z') });
  [collector, director, deputy, hueDirector, admin, reception] = await Promise.all(
    ['thuphi', 'giamdoc', 'phogiamdoc', 'giamdoc.hue', 'admin', 'tn.tp'].map((u) => t.login(u)));
  await createCollector(t, 'thu.hue', HUE);
});
afterAll(async () => t.close());

const URL = '/api/v1/fees/receipt-series';
const list = async (cookie = director, query = '') => {
  const r = await api(t, cookie, 'GET', URL + query);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
/** A cash payment of 10.000 đ (the fee of 2.000884) for a new dossier; returns the receipt. */
const payOne = async (cookie = collector, center = HUONG_THUY) => pay(t, cookie, (await createDossier(t, { procedure: '2.000884', center })).code, { method: 'cash', amount: 10_000 });
const auditRows = (action: string) => t.db.query<{ center: string; data: Record<string, unknown>; actor: string }>(
  `SELECT c.code AS center, a.data, u.username AS actor FROM audit_log a JOIN users u ON u.id = a.actor_id LEFT JOIN centers c ON c.id = a.center_id
   WHERE a.action = $1 ORDER BY a.id`, [action]);

/** Numbers of each series of a center: every series must be 1..n without a gap, and match the series' counter. */
async function numbering(center: string) {
  const r = await t.db.query<{ symbol: string; numbers: number[]; next_number: number }>(`SELECT s.symbol, s.next_number,
      coalesce(array_agg(f.number ORDER BY f.number) FILTER (WHERE f.id IS NOT NULL), '{}') AS numbers
    FROM receipt_series s JOIN centers c ON c.id = s.center_id LEFT JOIN fee_receipts f ON f.series_id = s.id
    WHERE c.code = $1 GROUP BY s.id ORDER BY s.created_at`, [center]);
  for (const s of r.rows) {
    expect(s.numbers, s.symbol).toEqual(Array.from({ length: s.numbers.length }, (_, i) => i + 1));
    expect(s.next_number - 1, s.symbol).toBe(s.numbers.length);
  }
  return Object.fromEntries(r.rows.map((s) => [s.symbol, s.numbers.length]));
}

describe('receipt series and books', () => {
  it('lists the series the first payment of the year opened, with its book', async () => {
    expect((await list()).items).toEqual([]);
    for (let i = 0; i < 3; i++) await payOne();
    const r = await list();
    expect(r.center).toMatchObject({ code: HUONG_THUY });
    expect(r.items).toEqual([expect.objectContaining({
      symbol: 'HT-25', year: 2025, bookSize: 100, currentBook: 1, nextNumber: 4, issued: 3, active: true, closedAt: null,
      books: [{ book: 1, from: 1, to: 3, receipts: 3, voided: 0 }],
    })]);
    // The collector sees which series they issue from.
    expect((await list(collector)).items.map((s: { symbol: string }) => s.symbol)).toEqual(['HT-25']);
  });

  it('opens a new book: the next number starts it, numbering goes on without a gap', async () => {
    const [series] = (await list()).items;
    const r = await api(t, director, 'POST', `${URL}/${series.id}/books`, { bookSize: 50, note: 'Quyển 1 bị hỏng bìa' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ symbol: 'HT-25', currentBook: 2, nextNumber: 4, bookSize: 50 });
    const receipt = await payOne();
    expect(receipt).toMatchObject({ series: 'HT-25', book: 2, number: 4 });
    expect((await list()).items[0].books).toEqual([
      { book: 1, from: 1, to: 3, receipts: 3, voided: 0 },
      { book: 2, from: 4, to: 4, receipts: 1, voided: 0 },
    ]);
    const audit = await auditRows('fees.receipt_book.open');
    expect(audit.rows).toEqual([{ center: HUONG_THUY, actor: 'giamdoc', data: { symbol: 'HT-25', closedBook: 1, lastNumber: 3, book: 2, firstNumber: 4, bookSize: 50, note: 'Quyển 1 bị hỏng bìa' } }]);
  });

  it('refuses a second new book before the current one has a receipt', async () => {
    const [series] = (await list()).items;
    const first = await api(t, deputy, 'POST', `${URL}/${series.id}/books`, {});
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ currentBook: 3, nextNumber: 5 });
    const again = await api(t, deputy, 'POST', `${URL}/${series.id}/books`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'FEE_BOOK_UNUSED', detail: 'Quyển số 3 của ký hiệu HT-25 chưa có biên lai nào: chưa cần mở quyển mới.' });
    expect(await payOne()).toMatchObject({ book: 3, number: 5 });
  });

  it('rolls a full book over to the next one by itself', async () => {
    const [series] = (await list()).items;
    expect((await api(t, director, 'POST', `${URL}/${series.id}/books`, { bookSize: 10 })).statusCode).toBe(201); // book 4 from number 6
    const numbers = [];
    for (let i = 0; i < 11; i++) numbers.push(await payOne());
    expect(numbers.map((n) => [n.number, n.book])).toEqual([...Array.from({ length: 10 }, (_, i) => [6 + i, 4]), [16, 5]]);
  });

  it('opens a new series: the old one is closed, the new one numbers from 1 in book 1', async () => {
    const r = await api(t, director, 'POST', URL, { symbol: ' ht-25b ', bookSize: 50, note: 'Đổi mẫu biên lai theo Thông tư mới' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ symbol: 'HT-25B', year: 2025, bookSize: 50, currentBook: 1, nextNumber: 1, issued: 0, active: true, books: [] });
    expect(await payOne()).toMatchObject({ series: 'HT-25B', book: 1, number: 1, receiptNumber: 'HT-25B/0000001' });
    const items = (await list()).items;
    expect(items.map((s: { symbol: string; active: boolean }) => [s.symbol, s.active])).toEqual([['HT-25B', true], ['HT-25', false]]);
    const directorName = (await api(t, director, 'GET', '/api/v1/auth/me')).json().fullName;
    expect(items[1]).toMatchObject({ issued: 16, closedAt: '2025-03-12T03:15:00.000Z', closedBy: directorName });
    expect(items[0]).toMatchObject({ openedBy: directorName, note: 'Đổi mẫu biên lai theo Thông tư mới' });
    const audit = await auditRows('fees.receipt_series.open');
    expect(audit.rows).toEqual([{ center: HUONG_THUY, actor: 'giamdoc', data: expect.objectContaining({ symbol: 'HT-25B', year: 2025, bookSize: 50, closed: expect.objectContaining({ symbol: 'HT-25', lastNumber: 16 }) }) }]);
    // A closed series takes no new book.
    const closed = await api(t, director, 'POST', `${URL}/${items[1].id}/books`, {});
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('FEE_SERIES_CLOSED');
  });

  it.each([
    [{ symbol: 'HT-25' }, 409, 'Ký hiệu HT-25 đã được dùng ở Trung tâm này'],
    [{ symbol: 'HT 25' }, 400, 'Ký hiệu chỉ gồm chữ cái không dấu và chữ số'],
    [{ symbol: 'HT-25Đ' }, 400, 'Ký hiệu chỉ gồm chữ cái không dấu và chữ số'],
    [{ symbol: 'HT--25' }, 400, 'Ký hiệu chỉ gồm chữ cái không dấu và chữ số'],
    [{ symbol: 'H' }, 400, 'Ký hiệu có từ 2 đến 20 ký tự'],
    [{ symbol: 'HT-26C', bookSize: 0 }, 400, 'Mỗi quyển có ít nhất 10 biên lai'],
    [{ symbol: 'HT-26C', bookSize: 20.5 }, 400, 'Số biên lai mỗi quyển phải là số nguyên'],
    [{}, 400, '«Ký hiệu»: bắt buộc'],
  ])('refuses %j with %i', async (body, status, text) => {
    const r = await api(t, director, 'POST', URL, body);
    expect(r.statusCode).toBe(status);
    expect(r.json().detail).toContain(text);
    expect((await list()).items[0].symbol).toBe('HT-25B');
  });

  it('keeps every series gap-free when a new series is opened while 20 collectors are paying', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `thu.s${String(i + 1).padStart(2, '0')}`);
    for (const n of names) await createCollector(t, n);
    const cookies = await Promise.all(names.map((n) => t.login(n)));
    const dossiers = await Promise.all(names.map(() => createDossier(t, { procedure: '2.000884' })));
    const payments = cookies.map((c, i) => api(t, c, 'POST', `/api/v1/dossiers/${encodeURIComponent(dossiers[i].code)}/payments`, { method: 'cash', amount: 10_000 }));
    const opened = api(t, director, 'POST', URL, { symbol: 'HT-25C' });
    const results = await Promise.all([...payments, opened]);
    expect(results.map((r) => r.statusCode)).toEqual([...Array(20).fill(201), 201]);
    const counts = await numbering(HUONG_THUY);
    expect(counts['HT-25B'] + counts['HT-25C']).toBe(1 + 20);
    const bySeries = results.slice(0, 20).map((r) => r.json().series);
    expect(bySeries.filter((s) => s === 'HT-25C')).toHaveLength(counts['HT-25C']);
  });
});

describe('who may manage series', () => {
  it('a collector and a reception clerk may not open series or books; the clerk may not even list them', async () => {
    const [series] = (await list()).items;
    expect((await api(t, collector, 'POST', URL, { symbol: 'THU-01' })).statusCode).toBe(403);
    expect((await api(t, collector, 'POST', `${URL}/${series.id}/books`, {})).statusCode).toBe(403);
    expect((await api(t, reception, 'GET', URL)).statusCode).toBe(403);
    expect((await api(t, reception, 'POST', URL, { symbol: 'TN-01' })).statusCode).toBe(403);
  });

  it("another center's director sees only their own series and cannot touch ours", async () => {
    await payOne(await t.login('thu.hue'), HUE);
    const own = await list(hueDirector);
    expect(own.center.code).toBe(HUE);
    expect(own.items.map((s: { symbol: string }) => s.symbol)).toEqual(['HT-25']);
    const ours = (await list()).items[0];
    expect(own.items[0].id).not.toBe(ours.id);
    expect((await api(t, hueDirector, 'GET', `${URL}?center=${HUONG_THUY}`)).statusCode).toBe(403);
    const book = await api(t, hueDirector, 'POST', `${URL}/${ours.id}/books`, {});
    expect(book.statusCode).toBe(404);
    expect((await api(t, hueDirector, 'POST', URL, { symbol: 'HUE-X', center: HUONG_THUY })).statusCode).toBe(403);
    // Their own new series does not close ours.
    expect((await api(t, hueDirector, 'POST', URL, { symbol: 'HUE-25' })).statusCode).toBe(201);
    expect((await list()).items[0]).toMatchObject({ id: ours.id, active: true });
    const audit = await auditRows('fees.receipt_series.open');
    expect(audit.rows.at(-1)).toMatchObject({ center: HUE, actor: 'giamdoc.hue', data: { symbol: 'HUE-25' } });
  });

  it('the system administrator names the center', async () => {
    const none = await api(t, admin, 'GET', URL);
    expect(none.statusCode).toBe(400);
    expect(none.json().code).toBe('FEE_CENTER_REQUIRED');
    expect((await list(admin, `?center=${HUE}`)).items.map((s: { symbol: string }) => s.symbol)).toEqual(['HUE-25', 'HT-25']);
    const r = await api(t, admin, 'POST', URL, { symbol: 'HUE-25A', center: HUE });
    expect(r.statusCode, r.body).toBe(201);
    expect((await list(hueDirector)).items[0].symbol).toBe('HUE-25A');
  });
});

describe('a new year', () => {
  it('opens the year\'s default series by itself, next to a series of that name opened by hand', async () => {
    // Opened by hand in 2025 under the name the 2026 default would take.
    expect((await api(t, director, 'POST', URL, { symbol: 'HT-26' })).statusCode).toBe(201);
    (t.clock as ManualClock).set(new Date('2026-01-05T02:00:00Z'));
    try {
      // Sessions idle since 2025 have ended: sign in again.
      const [director, collector] = [await t.login('giamdoc'), await t.login('thuphi')];
      const list = async () => (await api(t, director, 'GET', URL)).json();
      // Last year's series takes no new book: the first payment of the year retires it.
      const old = (await list()).items[0];
      const book = await api(t, director, 'POST', `${URL}/${old.id}/books`, {});
      expect(book.statusCode).toBe(409);
      expect(book.json()).toMatchObject({ code: 'FEE_SERIES_OLD_YEAR', detail: 'Ký hiệu HT-26 là của năm 2025: hãy mở ký hiệu của năm nay.' });
      const r = await pay(t, collector, (await createDossier(t, { procedure: '2.000884', day: '2026-01-05' })).code, { method: 'cash', amount: 10_000 });
      expect(r).toMatchObject({ series: 'HT-26-2', number: 1, book: 1 });
      const items = (await list()).items;
      expect(items[0]).toMatchObject({ symbol: 'HT-26-2', year: 2026, active: true });
      expect(items.find((s: { symbol: string }) => s.symbol === 'HT-26')).toMatchObject({ active: false, closedAt: '2026-01-05T02:00:00.000Z' });
      await numbering(HUONG_THUY);
    } finally {
      (t.clock as ManualClock).set(new Date('2025-03-12T03:15:00Z'));
    }
  });
});
