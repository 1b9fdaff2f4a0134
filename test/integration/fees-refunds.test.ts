import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ManualClock } from '../../src/platform/clock';
import { createTestApp, type TestApp } from '../support/app';
import { mustAct } from '../support/dossiers';
import { trackChanges } from '../support/db-changes';
import { api, createDossier, feesUrl, pay, pdfText } from '../support/fee-fixtures';

// Issue 13 items 1 and 7: refunds of a refused or withdrawn dossier (never more than paid, once per key, a numbered
// slip in the refunder's cash book, audited), the fee report's collected − refunded = net with waivers listed, and
// the receipt's "Mẫu số" per series.
let t: TestApp;
let clerk: string;
let collector: string;
let director: string;
/** Moves the clock to another day; sessions idle that long have ended, so everyone signs in again. */
async function jump(at: string) {
  (t.clock as ManualClock).set(new Date(at));
  [clerk, collector, director] = await Promise.all([t.login('tn.tp'), t.login('thuphi'), t.login('giamdoc')]);
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2025-03-14T02:00:00Z') });
  [clerk, collector, director] = await Promise.all([t.login('tn.tp'), t.login('thuphi'), t.login('giamdoc')]);
});
afterAll(async () => t.close());

const refund = (code: string, body: object, headers: Record<string, string> = {}, cookie = collector) =>
  api(t, cookie, 'POST', feesUrl(code, '/fees/refunds'), body, headers);
const REASON = 'Người nộp rút hồ sơ, hoàn trả lệ phí đã nộp';

describe('refunding the fees of a dossier that ended without a result', () => {
  it('only after refusal or withdrawal, never more than paid, once per Idempotency-Key, audited', async () => {
    const d = await createDossier(t, { procedure: '2.000528' });
    await pay(t, collector, d.code, { method: 'cash', amount: 75_000, tendered: 100_000 });
    const early = await refund(d.code, { amount: 10_000, reason: REASON });
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toBe('Chỉ hoàn trả phí, lệ phí cho hồ sơ bị từ chối hoặc đã rút.');
    await mustAct(t, clerk, d.code, 'withdraw', { reason: 'Người nộp xin rút hồ sơ' });

    const standing = await api(t, collector, 'GET', feesUrl(d.code, '/fees/refunds'));
    expect(standing.json()).toMatchObject({ status: 'withdrawn', paid: 75_000, refunded: 0, refundable: 75_000, blocked: null, items: [] });

    const changes = await trackChanges(t);
    const mark = await changes.mark();
    const tooMuch = await refund(d.code, { amount: 75_001, reason: REASON });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().detail).toBe('Số tiền hoàn 75.001 đ vượt quá số có thể hoàn 75.000 đ (đã nộp 75.000 đ, đã hoàn 0 đ).');
    const noReason = await refund(d.code, { amount: 1_000, reason: 'rút' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().detail).toMatch(/lý do/);
    expect((await refund(d.code, { amount: 1_000, reason: REASON }, {}, clerk)).statusCode).toBe(403); // reception does not pay out money
    expect(await changes.since(mark)).toEqual([]);

    const key = { 'idempotency-key': 'refund-1-abcdef' };
    const [a, b] = [await refund(d.code, { amount: 30_000, reason: REASON }, key), await refund(d.code, { amount: 30_000, reason: REASON }, key)];
    expect(a.statusCode, a.body).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(a.json()).toMatchObject({ refundNumber: 'HP-25/0000001', amount: 30_000, amountInWords: 'Ba mươi nghìn đồng', method: 'cash', reason: REASON, by: 'Phan Thị Mai Khánh', replayed: false });
    expect(b.json()).toMatchObject({ id: a.json().id, refundNumber: 'HP-25/0000001', replayed: true });
    expect((await t.db.query('SELECT count(*)::int AS n FROM fee_refunds WHERE dossier_id = $1', [d.id])).rows[0].n).toBe(1);

    const over = await refund(d.code, { amount: 45_001, reason: REASON });
    expect(over.statusCode).toBe(400);
    expect(over.json().detail).toContain('đã hoàn 30.000 đ');
    // Refunded out of what the collector holds by that method today: no transfer came in, so none goes out.
    const notHeld = await refund(d.code, { amount: 45_000, reason: REASON, method: 'transfer' });
    expect(notHeld.statusCode).toBe(409);
    expect(notHeld.json().detail).toBe('Sổ quỹ hôm nay của bạn chỉ còn 0 đ (chuyển khoản): không đủ để hoàn 45.000 đ. Nhận tiền từ quỹ của Trung tâm trước, hoặc để người đang giữ tiền hoàn trả.');
    const rest = await refund(d.code, { amount: 45_000, reason: REASON });
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json().refundNumber).toBe('HP-25/0000002');
    const done = await refund(d.code, { amount: 1, reason: REASON });
    expect(done.statusCode).toBe(409);
    expect(done.json().detail).toBe('Hồ sơ đã được hoàn trả đủ 75.000 đ: không còn khoản nào để hoàn.');

    const after = (await api(t, director, 'GET', feesUrl(d.code, '/fees/refunds'))).json();
    expect(after).toMatchObject({ paid: 75_000, refunded: 75_000, refundable: 0 });
    expect(after.items.map((i: { refundNumber: string }) => i.refundNumber)).toEqual(['HP-25/0000001', 'HP-25/0000002']);
    const audit = await t.db.query(`SELECT data FROM audit_log WHERE action = 'fees.refund.create' AND entity_id = $1 ORDER BY at, id`, [d.code]);
    expect(audit.rows.map((r) => [r.data.refundNumber, r.data.amount, r.data.reason])).toEqual([['HP-25/0000001', 30_000, REASON], ['HP-25/0000002', 45_000, REASON]]);

    // Each refund prints its slip: number, payee, the receipt paid back, reason, amount in words, two signatures.
    const first = after.items[0] as { id: string };
    const slip = await t.app.inject({ method: 'GET', url: feesUrl(d.code, `/fees/refunds/${first.id}.pdf`), headers: { cookie: collector } });
    expect(slip.statusCode, slip.body).toBe(200);
    expect(slip.headers['content-type']).toBe('application/pdf');
    expect(slip.headers['content-disposition']).toContain('phieu-hoan-tra-HP-25-0000001.pdf');
    const text = pdfText(slip.rawPayload);
    for (const s of ['PHIẾU HOÀN TRẢ PHÍ, LỆ PHÍ', 'Số: HP-25/0000001', `Mã hồ sơ: ${d.code}`, 'Lý do hoàn trả: ' + REASON, 'Số tiền hoàn trả: 30.000 đ',
      'Số tiền bằng chữ: Ba mươi nghìn đồng.', 'NGƯỜI NHẬN TIỀN', 'NGƯỜI HOÀN TRẢ', 'Phan Thị Mai Khánh', 'Hình thức hoàn trả: Tiền mặt']) {
      expect(text.replace(/\u00a0/g, ' ')).toContain(s);
    }
    expect(text).toMatch(/Đã nộp theo biên lai: [A-Z0-9-]+\/\d{7}/);
    const printed = await t.db.query(`SELECT data FROM audit_log WHERE action = 'fees.refund.print' AND entity_id = $1`, [d.code]);
    expect(printed.rows.map((r) => r.data.refundNumber)).toEqual(['HP-25/0000001']);
    // Another dossier's code with this refund id: 404, not its slip.
    const other = await createDossier(t, { procedure: '2.000528' });
    expect((await t.app.inject({ method: 'GET', url: feesUrl(other.code, `/fees/refunds/${first.id}.pdf`), headers: { cookie: collector } })).statusCode).toBe(404);
  });

  it('two refunds of the whole amount at once: one is made, the other refused', async () => {
    const d = await createDossier(t, { procedure: '2.000528', status: 'refused' });
    await t.db.query("UPDATE dossiers SET status = 'received' WHERE id = $1", [d.id]);
    await pay(t, collector, d.code, { method: 'cash', amount: 75_000, tendered: 75_000 });
    await t.db.query("UPDATE dossiers SET status = 'refused' WHERE id = $1", [d.id]);
    const [a, b] = await Promise.all([refund(d.code, { amount: 75_000, reason: REASON }), refund(d.code, { amount: 75_000, reason: REASON })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((await t.db.query('SELECT coalesce(sum(amount), 0)::int AS s FROM fee_refunds WHERE dossier_id = $1', [d.id])).rows[0].s).toBe(75_000);
  });
});

describe('cash book and fee report', () => {
  it("a refund is money out of the refunder's cash book; the report reconciles collected − refunded = net and lists waivers", async () => {
    await jump('2025-03-17T02:00:00Z'); // Monday: a day of its own
    const kept = await createDossier(t, { procedure: '2.000528', day: '2025-03-17' });
    await pay(t, collector, kept.code, { method: 'cash', amount: 75_000, tendered: 100_000 });
    const back = await createDossier(t, { procedure: '2.000528', day: '2025-03-17' });
    await pay(t, collector, back.code, { method: 'transfer', amount: 75_000, reference: 'FT25076000001' });
    await mustAct(t, clerk, back.code, 'withdraw', { reason: 'Người nộp xin rút hồ sơ' });
    expect((await refund(back.code, { amount: 20_000, reason: REASON })).statusCode).toBe(201);
    const waived = await createDossier(t, { procedure: '2.000528', day: '2025-03-17' });
    expect((await api(t, director, 'POST', feesUrl(waived.code, '/fees/waive'), { reason: 'Hộ nghèo theo danh sách của UBND phường' })).statusCode).toBe(200);

    // By hand: cash 75.000 in, 20.000 paid back in cash; 75.000 came by transfer.
    const book = (await api(t, director, 'GET', '/api/v1/fees/cashbook?date=2025-03-17&collector=thuphi')).json().books[0];
    const cash = book.figures.lines.find((l: { method: string }) => l.method === 'cash');
    expect(cash).toMatchObject({ receipts: 75_000, refunds: 20_000, voids: 0 });
    expect(cash.closing).toBe(cash.opening + 75_000 - 20_000);
    const entry = book.entries.find((e: { kind: string }) => e.kind === 'refund');
    expect(entry).toMatchObject({ receiptNumber: 'HP-25/0000004', dossierCode: back.code, amount: 20_000, reason: REASON, payer: 'Trần Thị Bình' });

    const report = (await api(t, director, 'GET', '/api/v1/fees/reports?from=2025-03-17&to=2025-03-17&groupBy=method')).json();
    expect(report.total.collected).toBe(150_000);
    expect(report.refunded).toMatchObject({ refunds: 1, amount: 20_000, items: [{ refundNumber: 'HP-25/0000004', dossierCode: back.code, amount: 20_000 }] });
    expect(report.net).toBe(130_000);
    expect(report.waived).toMatchObject({ dossiers: 1, amount: 75_000, items: [{ dossierCode: waived.code, amount: 75_000, reason: 'Hộ nghèo theo danh sách của UBND phường', by: 'Lê Quang Mai' }] });

    const pdf = (await api(t, director, 'GET', '/api/v1/fees/reports.pdf?from=2025-03-17&to=2025-03-17&groupBy=method')).rawPayload;
    const text = pdfText(pdf, 'raw').replace(/\u00a0/g, ' ');
    expect(text).toContain('Đã hoàn trả trong kỳ: 1 phiếu hoàn, số tiền 20.000 đ.');
    expect(text).toContain('Thực thu (đã thu − đã hoàn trả): 150.000 đ − 20.000 đ = 130.000 đ.');
    expect(text).toContain('Miễn thu trong kỳ: 1 hồ sơ, số tiền 75.000 đ');
    expect(text).toContain('HP-25/0000004');

    // Closing the day keeps the refunds column; the stored book still balances.
    const close = await api(t, director, 'POST', '/api/v1/fees/cashbook/close', { date: '2025-03-17', collector: 'thuphi', handedOver: { cash: cash.closing } });
    expect(close.statusCode, close.body).toBe(200);
    expect(close.json().figures.lines.find((l: { method: string }) => l.method === 'cash')).toMatchObject({ refunds: 20_000, closing: 0 });
  });

  it('a refund on a closed day is refused and changes nothing', async () => {
    const d = await createDossier(t, { procedure: '2.000528', day: '2025-03-17' });
    // Paid before the close would have been refused too; pay on the next day instead, then try to refund on the closed day.
    await jump('2025-03-18T02:00:00Z');
    await pay(t, collector, d.code, { method: 'cash', amount: 75_000, tendered: 75_000 });
    await t.db.query("UPDATE dossiers SET status = 'withdrawn' WHERE id = $1", [d.id]);
    await jump('2025-03-17T09:00:00Z');
    const r = await refund(d.code, { amount: 75_000, reason: REASON });
    expect(r.statusCode).toBe(409);
    expect(r.json().detail).toContain('đã khóa sổ');
    expect((await t.db.query('SELECT count(*)::int AS n FROM fee_refunds WHERE dossier_id = $1', [d.id])).rows[0].n).toBe(0);
  });
});

describe('Mẫu số on the receipt', () => {
  it('a series opened with its Mẫu số prints it beside the Ký hiệu; a malformed one is refused in Vietnamese', async () => {
    await jump('2025-03-19T02:00:00Z');
    const bad = await api(t, director, 'POST', '/api/v1/fees/receipt-series', { symbol: 'TT-25', formNumber: 'BLP-1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Mẫu số biên lai có dạng như 01BLP1-001');
    const s = await api(t, director, 'POST', '/api/v1/fees/receipt-series', { symbol: 'TT-25', formNumber: '01blp2-001' });
    expect(s.statusCode, s.body).toBe(201);
    expect(s.json()).toMatchObject({ symbol: 'TT-25', formNumber: '01BLP2-001' });
    const d = await createDossier(t, { procedure: '2.000528', day: '2025-03-19' });
    const receipt = await pay(t, collector, d.code, { method: 'cash', amount: 75_000, tendered: 75_000 });
    const text = pdfText((await api(t, collector, 'GET', `/api/v1/receipts/${receipt.id}.pdf`)).rawPayload);
    expect(text).toContain('Mẫu số: 01BLP2-001');
    expect(text).toContain('Ký hiệu: TT-25');
    const listed = (await api(t, collector, 'GET', feesUrl(d.code, '/receipts'))).json().items[0];
    expect(listed).toMatchObject({ series: 'TT-25', formNumber: '01BLP2-001' });
  });
});
